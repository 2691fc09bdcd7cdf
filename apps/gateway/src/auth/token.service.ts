import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { ApiError } from '../errors/api-error';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../gateway-settings';
import type { Principal, TokenSubject } from './principal';

// Only HS256 is accepted on verify: `alg: none` and algorithm-confusion tokens fail there.
const ALGORITHM = 'HS256';
/** Who issues the tokens and for whom: a token signed with the same key for anything else is refused. */
export const TOKEN_ISSUER = 'commerce-gateway';
export const TOKEN_AUDIENCE = 'commerce-api';

const claimsSchema = z.object({
  sub: z.uuid(),
  role: z.enum(['CUSTOMER', 'ADMIN']),
  email: z.string(),
  // Required: jsonwebtoken checks exp only when present, and a token without it never expires.
  exp: z.number(),
});
type Claims = z.output<typeof claimsSchema>;

@Injectable()
export class TokenService {
  /**
   * Made once: given a string, jsonwebtoken first tries it as a PEM public key (createPublicKey,
   * which throws) on every verify; that was the gateway's largest single CPU cost under load.
   */
  private readonly key: KeyObject;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret));
  }

  issue(user: TokenSubject): string {
    return jwt.sign({ role: user.role, email: user.email }, this.key, {
      algorithm: ALGORITHM,
      subject: user.id,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: this.settings.tokenTtlSeconds,
    });
  }

  /** Throws UNAUTHENTICATED for a token that is malformed, forged, of another algorithm, issuer or audience, without an expiry or expired. */
  verify(token: string): Principal {
    return this.verifySession(token).principal;
  }

  /** verify(), and when the token expires (ms since the epoch): a websocket ends then. */
  verifySession(token: string): { principal: Principal; expiresAt: number } {
    const claims = this.claims(token);
    return { principal: { userId: claims.sub, role: claims.role, email: claims.email }, expiresAt: claims.exp * 1000 };
  }

  private claims(token: string): Claims {
    let payload: unknown;
    try {
      payload = jwt.verify(token, this.key, { algorithms: [ALGORITHM], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
    } catch {
      throw new ApiError('UNAUTHENTICATED', 'The token is invalid or expired');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new ApiError('UNAUTHENTICATED', 'The token is invalid or expired');
    return claims.data;
  }
}
