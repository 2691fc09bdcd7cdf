import jwt from 'jsonwebtoken';
import type { TokenRevocations } from '../../apps/gateway/src/auth/token-revocations';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../apps/gateway/src/auth/token.service';

/**
 * A token like the gateway's login issues (HS256, its issuer and audience, one hour) for user
 * `sub` as `role`; `options` override, e.g. `{ expiresIn: -10 }` for an expired one.
 */
export const signTestToken = (secret: string, sub: string, role: 'CUSTOMER' | 'ADMIN', options: jwt.SignOptions = {}): string =>
  jwt.sign({ role, email: `${role.toLowerCase()}@example.com` }, secret, {
    algorithm: 'HS256',
    subject: sub,
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    expiresIn: 3600,
    ...options,
  });

/** For a TokenService built by hand in a unit spec: no user ever signed out everywhere. */
export const noRevocations = { revokedBeforeOf: () => undefined } as unknown as TokenRevocations;
