import jwt from 'jsonwebtoken';
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
