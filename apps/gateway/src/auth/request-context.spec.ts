import type { Socket } from 'node:net';
import { loadConfig } from '@app/config';
import { ApiError } from '../errors/api-error';
import { loadGatewaySettings } from '../gateway-settings';
import { createRequestContext, type HttpRequest } from './request-context';
import { TokenService } from './token.service';
import { noRevocations } from '../../../../test/support/tokens';

const tokens = new TokenService(loadConfig({ NODE_ENV: 'test' }), loadGatewaySettings({}), noRevocations);
const requestWith = (authorization?: string) => ({ headers: { authorization }, ip: '10.0.0.7', socket: {} as Socket }) as unknown as HttpRequest;

describe('createRequestContext', () => {
  it('leaves a caller without an Authorization header anonymous', () => {
    expect(createRequestContext(requestWith(), tokens).principal()).toBeNull();
  });

  it('reads the principal from a Bearer token', () => {
    const token = tokens.issue({ id: '0b8a3a0e-4a8e-4a8e-8a8e-0b8a3a0e4a8e', role: 'ADMIN', email: 'a@example.com' });

    expect(createRequestContext(requestWith(`Bearer ${token}`), tokens).principal()).toMatchObject({ role: 'ADMIN' });
  });

  it('refuses another scheme or a bad token only when the principal is asked for', () => {
    const context = createRequestContext(requestWith('Basic dXNlcjpwdw=='), tokens);

    expect(context.clientIp).toBe('10.0.0.7');
    expect(() => context.principal()).toThrow(ApiError);
    expect(() => createRequestContext(requestWith('Bearer x.y.z'), tokens).principal()).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
