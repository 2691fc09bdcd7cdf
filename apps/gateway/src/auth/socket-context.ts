import type { Context } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { ApiError } from '../errors/api-error';
import type { Principal } from './principal';
import { type GatewayContext, type HttpRequest, principalOf } from './request-context';
import type { TokenService } from './token.service';

/** graphql-ws' context of one websocket, as its hooks and the GraphQL context function get it. */
export type SocketContext = Context<Record<string, unknown> | undefined, Extra>;

export const isSocketContext = (value: unknown): value is SocketContext =>
  typeof value === 'object' && value !== null && 'connectionInitReceived' in value && 'extra' in value;

/**
 * The caller of a websocket: API.graphql puts the token in the connection_init payload as
 * `{ authorization: "Bearer <jwt>" }` (browsers cannot set headers on a websocket).
 */
export function socketPrincipal(ctx: SocketContext, tokens: TokenService): Principal | null {
  const authorization = ctx.connectionParams?.authorization;
  if (authorization !== undefined && authorization !== null && typeof authorization !== 'string') {
    throw new ApiError('UNAUTHENTICATED', 'authorization must be "Bearer <token>"');
  }
  return principalOf(authorization ?? undefined, tokens);
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
