import { randomUUID } from 'node:crypto';
import { loadConfig } from '@app/config';
import { TokenService } from '../../auth/token.service';
import type { CommandClient } from '../../command-client/command-client';
import { loadGatewaySettings } from '../../gateway-settings';
import type { UserViewReader } from '../user-view.reader';
import { LoginRateLimiter } from './login-rate-limiter';
import { LoginCommand } from './login.command';
import { LoginHandler } from './login.handler';
import { securityOf } from '../../../../../test/support/command-security';
import { noRevocations } from '../../../../../test/support/tokens';

const settings = { ...loadGatewaySettings({}), readModelWaitMs: 50, loginLimit: { perIp: 3, windowMs: 60_000 } };
const tokens = new TokenService(loadConfig({ NODE_ENV: 'test' }), settings, noRevocations);
const who = { id: randomUUID(), email: 'ann@example.com', name: 'Ann', role: 'CUSTOMER' as const };
const view = { ...who, registeredAt: new Date(), version: 1 };

const setUp = (projected: typeof view | null = view) => {
  const commands = { send: jest.fn(async () => who) } as unknown as CommandClient;
  const reader = { waitForUser: async () => projected } as unknown as UserViewReader;
  const handler = new LoginHandler(commands, reader, tokens, new LoginRateLimiter(settings), securityOf('gateway'), settings);
  const login = (email: string, ip = '10.0.0.1') => handler.execute(new LoginCommand(email, 'pw', ip)).catch((error) => error.code);
  return { commands, login };
};

describe('LoginHandler', () => {
  it('answers the user from the read model and a token from the reply, having sent the password sealed with the client address', async () => {
    const { commands, login } = setUp();
    const payload = await login('ann@example.com');

    const [[, request]] = (commands.send as jest.Mock).mock.calls as [string, { data: { password: string; clientAddress: string } }][];
    expect(request.data).toEqual({ email: 'ann@example.com', password: expect.stringMatching(/^sealed\.v1\./), clientAddress: '10.0.0.1' });
    expect(payload.user).toBe(view);
    expect(tokens.verify(payload.token)).toEqual({ userId: who.id, role: 'CUSTOMER', email: who.email });
  });

  it('refuses past the limit per client IP, across emails, without asking the user service', async () => {
    const { commands, login } = setUp();
    for (const email of ['a@x.io', 'b@x.io', 'c@x.io']) await login(email);

    expect(await login('d@x.io')).toBe('RATE_LIMITED');
    expect(commands.send).toHaveBeenCalledTimes(3);
    expect(await login('d@x.io', '10.0.0.9')).not.toBe('RATE_LIMITED');
  });

  it('answers UNAVAILABLE when the read model does not have the user yet', async () => {
    expect(await setUp(null).login('ann@example.com')).toBe('UNAVAILABLE');
  });
});
