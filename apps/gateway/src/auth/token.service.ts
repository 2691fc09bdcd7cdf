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

const claimsSchema = z.object({
  sub: z.uuid(),
  role: z.enum(['CUSTOMER', 'ADMIN']),
  email: z.string(),
});

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
      expiresIn: this.settings.tokenTtlSeconds,
    });
  }

  /** Throws UNAUTHENTICATED for a token that is malformed, forged, of another algorithm or expired. */
  verify(token: string): Principal {
    let payload: unknown;
    try {
      payload = jwt.verify(token, this.key, { algorithms: [ALGORITHM] });
    } catch {
      throw new ApiError('UNAUTHENTICATED', 'The token is invalid or expired');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new ApiError('UNAUTHENTICATED', 'The token is invalid or expired');
    return { userId: claims.data.sub, role: claims.data.role, email: claims.data.email };
  }
}
