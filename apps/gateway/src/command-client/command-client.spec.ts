import { Logger } from '@nestjs/common';
import { NEVER, of, throwError } from 'rxjs';
import { z } from 'zod';
import { loadConfig } from '@app/config';
import { COMMANDS, type CommandMessage } from '@app/commands';
import { ApiError } from '../errors/api-error';
import { securityOf } from '../../../../test/support/command-security';
import { CommandClient, type CommandTransport } from './command-client';

const config = { ...loadConfig({ NODE_ENV: 'test' }), commandTimeoutMs: 100 };
const request = { key: 'ann@example.com', data: { email: 'ann@example.com', password: 'pw' }, issuedBy: null };
const resultSchema = z.object({ id: z.string() });

const clientReplying = (reply: ReturnType<CommandTransport['send']>) => {
  const send = jest.fn(() => reply);
  const transport = { send, connect: jest.fn(), close: jest.fn() } as unknown as CommandTransport;
  return { client: new CommandClient(config, transport, securityOf('gateway')), send };
};

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: ApiError) => error);

describe('CommandClient', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => jest.restoreAllMocks());

  it('sends a CommandMessage signed as the gateway, with a fresh commandId under the given key, and returns the result', async () => {
    const { client, send } = clientReplying(of({ ok: true, result: { id: 'u-1' } }));

    await expect(client.send(COMMANDS.authenticateUser, request, resultSchema)).resolves.toEqual({ id: 'u-1' });
    await client.send(COMMANDS.authenticateUser, request, resultSchema);

    const [[pattern, first], [, second]] = send.mock.calls as unknown as [string, { key: string; value: CommandMessage }][];
    expect(pattern).toBe(COMMANDS.authenticateUser);
    expect(first).toEqual({ key: 'ann@example.com', value: { commandId: expect.any(String), correlationId: first.value.commandId, issuedBy: null, data: request.data, auth: expect.objectContaining({ sender: 'gateway' }) } });
    expect(securityOf('user').verify(COMMANDS.authenticateUser, first.value)).toEqual(first.value);
    expect(second.value.commandId).not.toBe(first.value.commandId);
  });

  it('turns a refusal into an ApiError with its code and field', async () => {
    const { client } = clientReplying(of({ ok: false, error: { code: 'CONFLICT', message: 'email taken', field: 'email' } }));

    expect(await failure(client.send(COMMANDS.registerUser, request, resultSchema))).toMatchObject({ code: 'CONFLICT', message: 'email taken', field: 'email' });
  });

  it('answers UNAVAILABLE when no reply comes within the timeout, or the broker fails', async () => {
    expect(await failure(clientReplying(NEVER).client.send(COMMANDS.registerUser, request, resultSchema))).toMatchObject({ code: 'UNAVAILABLE' });
    expect(await failure(clientReplying(throwError(() => new Error('broker down'))).client.send(COMMANDS.registerUser, request, resultSchema))).toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('resends a timed-out command once with the same commandId and signature, so the service can dedupe it', async () => {
    const send = jest.fn().mockReturnValueOnce(NEVER).mockReturnValueOnce(of({ ok: true, result: { id: 'u-2' } }));
    const client = new CommandClient(config, { send, connect: jest.fn(), close: jest.fn() } as unknown as CommandTransport, securityOf('gateway'));

    await expect(client.send(COMMANDS.registerUser, request, resultSchema)).resolves.toEqual({ id: 'u-2' });

    const sent = (send.mock.calls as unknown as [string, { value: CommandMessage }][]).map(([, m]) => m.value);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
  });

  it('answers INTERNAL for a reply of the wrong shape', async () => {
    expect(await failure(clientReplying(of({ ok: true, result: { nope: 1 } })).client.send(COMMANDS.registerUser, request, resultSchema))).toMatchObject({ code: 'INTERNAL' });
    expect(await failure(clientReplying(of({ ok: false, error: { code: 'WAT' } })).client.send(COMMANDS.registerUser, request, resultSchema))).toMatchObject({ code: 'INTERNAL' });
  });
});
