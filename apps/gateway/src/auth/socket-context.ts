import type { Context } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { ApiError } from '../errors/api-error';
import type { Principal } from './principal';
import { bearerToken, type GatewayContext, type HttpRequest } from './request-context';
import type { TokenRevocations } from './token-revocations';
import type { TokenService, TokenSession } from './token.service';

/** graphql-ws' context of one websocket, as its hooks and the GraphQL context function get it. */
export type SocketContext = Context<Record<string, unknown> | undefined, Extra>;

export const isSocketContext = (value: unknown): value is SocketContext =>
  typeof value === 'object' && value !== null && 'connectionInitReceived' in value && 'extra' in value;

/**
 * The caller of a websocket: API.graphql puts the token in the connection_init payload as
 * `{ authorization: "Bearer <jwt>" }` (browsers cannot set headers on a websocket).
 */
export function socketPrincipal(ctx: SocketContext, tokens: TokenService): Principal | null {
  return socketSession(ctx, tokens)?.principal ?? null;
}

/** The socket's token verified once, with when it was issued and expires: null when it sent none. */
export function socketSession(ctx: SocketContext, tokens: TokenService): TokenSession | null {
  const authorization = socketAuthorization(ctx);
  if (authorization === undefined || authorization === '') return null;
  const token = bearerToken(authorization);
  if (!token) throw new ApiError('UNAUTHENTICATED', 'authorization must be "Bearer <token>"');
  return tokens.verifySession(token);
}

const socketAuthorization = (ctx: SocketContext): string | undefined => {
  const authorization = ctx.connectionParams?.authorization;
  if (authorization !== undefined && authorization !== null && typeof authorization !== 'string') {
    throw new ApiError('UNAUTHENTICATED', 'authorization must be "Bearer <token>"');
  }
  return authorization ?? undefined;
};

/** graphql-ws' code for "Unauthorized": the client should sign in again and reconnect (expired or revoked token). */
export const TOKEN_EXPIRED_CLOSE_CODE = 4401;
// setTimeout's longest delay (about 24.8 days); a later expiry is waited for in steps.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Ends the socket, and every subscription on it, when the token it was opened with expires or is
 * revoked (its user signed out everywhere): a subscription must not outlive the token that
 * authorised it. Call once the socket is accepted.
 */
export function closeWhenTokenEnds(ctx: SocketContext, { principal, issuedAt, expiresAt }: TokenSession, revocations: TokenRevocations): void {
  const socket = ctx.extra.socket;
  const stopListening = revocations.whenRevoked(principal.userId, (revokedBefore) => {
    if (issuedAt < revokedBefore) socket.close(TOKEN_EXPIRED_CLOSE_CODE, 'Token revoked');
  });
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = expiresAt - Date.now();
    timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(() => socket.close(TOKEN_EXPIRED_CLOSE_CODE, 'Token expired'), Math.max(left, 0));
  };
  arm();
  socket.once('close', () => {
    clearTimeout(timer);
    stopListening();
  });
}

/**
 * The GatewayContext of one subscription. The token is verified again for each subscription (the
 * connection was refused without a valid one): one that expired since the socket opened cannot
 * start new subscriptions, while running ones go on until they end.
 */
export function createSocketContext(ctx: SocketContext, tokens: TokenService): GatewayContext {
  const req = ctx.extra.request as HttpRequest;
  let verified: Principal | null | undefined;
  return {
    req,
    clientIp: req.socket.remoteAddress ?? 'unknown',
    principal() {
      if (verified === undefined) verified = socketPrincipal(ctx, tokens);
      return verified;
    },
  };
}
