import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@app/config';
import { TokenService } from '../../auth/token.service';
import type { CommandClient } from '../../command-client/command-client';
import { loadGatewaySettings } from '../../gateway-settings';
import type { UserViewReader } from '../user-view.reader';
import { RegisterUserCommand } from './register-user.command';
import { RegisterUserHandler } from './register-user.handler';
import { COMMANDS } from '@app/commands';
import { securityOf } from '../../../../../test/support/command-security';
import { noRevocations } from '../../../../../test/support/tokens';

const settings = { ...loadGatewaySettings({}), readModelWaitMs: 50 };
const tokens = new TokenService(loadConfig({ NODE_ENV: 'test' }), settings, noRevocations);
const user = { id: randomUUID(), email: 'ann@example.com', name: 'Ann', role: 'CUSTOMER' as const, registeredAt: '2026-01-02T03:04:05.000Z' };
const commands = { send: jest.fn(async () => ({ user, result: { aggregateId: user.id, version: 1, position: '7' } })) } as unknown as CommandClient;
const input = { email: ' Ann@Example.com ', name: 'Ann', password: 'secret-pw' };

describe('RegisterUserHandler', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('sends the input keyed by the normalised email, the password sealed to the user service, and answers with the projected user and a token', async () => {
    const projected = { ...user, registeredAt: new Date(user.registeredAt), version: 1 };
    const reader = { waitForUser: jest.fn(async () => projected) } as unknown as UserViewReader;

    const payload = await new RegisterUserHandler(commands, reader, tokens, securityOf('gateway'), settings).execute(new RegisterUserCommand(input));

    expect(commands.send).toHaveBeenCalledWith(COMMANDS.registerUser, { key: 'ann@example.com', data: { ...input, password: expect.stringMatching(/^sealed\.v1\./), clientAddress: 'unknown' }, issuedBy: null }, expect.anything());
    const [[, { data }]] = (commands.send as jest.Mock).mock.calls as [string, { data: unknown }][];
    expect(securityOf('user').unsealIn(data, 'password')).toEqual({ ...input, clientAddress: 'unknown' });
    expect(reader.waitForUser).toHaveBeenCalledWith(user.id, 50);
    expect(payload.user).toBe(projected);
    expect(tokens.verify(payload.token)).toEqual({ userId: user.id, role: 'CUSTOMER', email: user.email });
  });

  it('answers from the reply when the projection does not show the user in time, keeping the token', async () => {
    const reader = { waitForUser: jest.fn(async () => null) } as unknown as UserViewReader;

    const payload = await new RegisterUserHandler(commands, reader, tokens, securityOf('gateway'), settings).execute(new RegisterUserCommand(input));

    expect(payload.user).toEqual({ ...user, registeredAt: new Date(user.registeredAt) });
    expect(tokens.verify(payload.token).userId).toBe(user.id);
  });
});
