import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors/api-error';
import type { Principal } from './principal';
import type { TokenService } from './token.service';

/** Express' request, as far as the gateway reads it (Express 5 ships no types of its own). */
export type HttpRequest = IncomingMessage & { ip?: string };

/** What every resolver gets as the GraphQL context. */
export interface GatewayContext {
  req: HttpRequest;
  /** Behind a proxy, set Express' `trust proxy` so this is the client and not the proxy. */
  clientIp: string;
  /** null when no token was sent; throws UNAUTHENTICATED when the token is bad. */
  principal(): Principal | null;
}

/**
 * The token is verified lazily, on first use: operations that never ask who is calling (login,
 * registerUser) still work for a client holding an expired token.
 */
export function createRequestContext(req: HttpRequest, tokens: TokenService): GatewayContext {
  let verified: Principal | null | undefined;
  return {
    req,
    clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    principal() {
      if (verified === undefined) verified = principalOf(req.headers.authorization, tokens);
      return verified;
    },
  };
}

/** The caller an Authorization value names: null when empty, UNAUTHENTICATED when not a valid "Bearer <jwt>". */
export function principalOf(header: string | undefined, tokens: TokenService): Principal | null {
  if (header === undefined || header === '') return null;
  const token = bearerToken(header);
  if (!token) throw new ApiError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>"');
  return tokens.verify(token);
}

/** The token of a "Bearer <jwt>" value; null for anything else. */
export const bearerToken = (header: string): string | null => /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? null;
