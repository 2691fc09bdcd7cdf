import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { loadConfig } from '@app/config';
import { ApiError } from '../errors/api-error';
import { loadGatewaySettings } from '../gateway-settings';
import { noRevocations } from '../../../../test/support/tokens';
import type { TokenRevocations } from './token-revocations';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, TokenService } from './token.service';

const config = loadConfig({ NODE_ENV: 'test' });
const tokens = new TokenService(config, loadGatewaySettings({}), noRevocations);
const user = { id: randomUUID(), role: 'CUSTOMER' as const, email: 'ann@example.com' };

const codeOf = (token: string) => {
  try {
    tokens.verify(token);
  } catch (error) {
    return error instanceof ApiError ? error.code : error;
  }
  return 'accepted';
};

describe('TokenService', () => {
  it('refuses a token issued before its user signed out everywhere, to the millisecond, and accepts one issued after', () => {
    const revokedBefore = new Map<string, number>();
    const revoking = new TokenService(config, loadGatewaySettings({}), { revokedBeforeOf: (id: string) => revokedBefore.get(id) } as unknown as TokenRevocations);
    const before = revoking.issue(user);
    const other = revoking.issue({ ...user, id: randomUUID() });
    const issuedAt = (jwt.decode(before) as jwt.JwtPayload).iat! * 1000;
    revokedBefore.set(user.id, issuedAt + 1);

    expect(() => revoking.verify(before)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'The token was revoked; sign in again' }));
    expect(revoking.verify(other).userId).not.toBe(user.id);
    jest.spyOn(Date, 'now').mockReturnValueOnce(issuedAt + 1);
    expect(revoking.verify(revoking.issue(user)).userId).toBe(user.id);
  });

  it('issues an HS256 token with sub, role, email and a one-hour expiry, which it verifies', () => {
    const token = tokens.issue(user);
    const decoded = jwt.decode(token, { complete: true }) as jwt.Jwt & { payload: jwt.JwtPayload };

    expect(decoded.header.alg).toBe('HS256');
    expect(decoded.payload).toMatchObject({ sub: user.id, role: 'CUSTOMER', email: user.email, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE });
    expect(decoded.payload.exp! - decoded.payload.iat!).toBe(3600);
    expect(tokens.verify(token)).toEqual({ userId: user.id, role: 'CUSTOMER', email: user.email });
  });

  it('refuses tokens that are expired, never expire, unsigned, of another algorithm, issuer or audience, or with unexpected claims', () => {
    const sign = (claims: object, options: jwt.SignOptions) => jwt.sign(claims, config.jwtSecret, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 60, ...options });
    const withoutExpiry = jwt.sign({ role: 'ADMIN', email: 'x' }, config.jwtSecret, { subject: user.id, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });

    expect(codeOf(sign({ role: 'ADMIN', email: 'x' }, { subject: user.id }))).toBe('accepted');
    expect(codeOf(withoutExpiry)).toBe('UNAUTHENTICATED');
    expect(codeOf(sign({ role: 'ADMIN', email: 'x' }, { subject: user.id, issuer: 'someone-else' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(sign({ role: 'ADMIN', email: 'x' }, { subject: user.id, audience: 'another-api' }))).toBe('UNAUTHENTICATED');

    expect(codeOf(sign({ role: 'ADMIN', email: 'x' }, { subject: user.id, expiresIn: -1 }))).toBe('UNAUTHENTICATED');
    expect(codeOf(jwt.sign({ sub: user.id, role: 'ADMIN', email: 'x' }, null, { algorithm: 'none' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(sign({ role: 'ADMIN', email: 'x' }, { subject: user.id, algorithm: 'HS512' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(sign({ role: 'ROOT', email: 'x' }, { subject: user.id }))).toBe('UNAUTHENTICATED');
    expect(codeOf(sign({ role: 'ADMIN', email: 'x' }, { subject: 'not-a-uuid' }))).toBe('UNAUTHENTICATED');
    expect(codeOf('not.a.token')).toBe('UNAUTHENTICATED');
  });
});
