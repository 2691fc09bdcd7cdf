import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { ApiError } from '../errors/api-error';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../gateway-settings';
import type { Principal, TokenSubject } from './principal';
import { TokenRevocations } from './token-revocations';

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
  // Seconds with a fraction (issue() writes milliseconds): compared with the user's last sign-out everywhere.
  iat: z.number(),
});
type Claims = z.output<typeof claimsSchema>;

export interface TokenSession {
  principal: Principal;
  issuedAt: number;
  expiresAt: number;
}

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
    private readonly revocations: TokenRevocations,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret));
  }

  issue(user: TokenSubject): string {
    // iat to the millisecond: a sign-out and a sign-in within one second must still be told apart.
    return jwt.sign({ role: user.role, email: user.email, iat: Date.now() / 1000 }, this.key, {
      algorithm: ALGORITHM,
      subject: user.id,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: this.settings.tokenTtlSeconds,
    });
  }

  /**
   * Throws UNAUTHENTICATED for a token that is malformed, forged, of another algorithm, issuer or
   * audience, without an expiry or expired, or issued before its user signed out everywhere.
   */
  verify(token: string): Principal {
    return this.verifySession(token).principal;
  }

  /** verify(), with when the token was issued and when it expires (ms since the epoch): a websocket ends at either. */
  verifySession(token: string): TokenSession {
    const claims = this.claims(token);
    const revokedBefore = this.revocations.revokedBeforeOf(claims.sub);
    if (revokedBefore !== undefined && claims.iat * 1000 < revokedBefore) throw new ApiError('UNAUTHENTICATED', 'The token was revoked; sign in again');
    return { principal: { userId: claims.sub, role: claims.role, email: claims.email }, issuedAt: claims.iat * 1000, expiresAt: claims.exp * 1000 };
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
