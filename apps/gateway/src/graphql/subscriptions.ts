import type { ApolloDriverConfig } from '@nestjs/apollo';
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { closeWhenTokenEnds, isSocketContext, socketSession } from '../auth/socket-context';
import type { TokenRevocations } from '../auth/token-revocations';
import type { TokenService } from '../auth/token.service';
import type { GatewaySettings } from '../gateway-settings';
import type { ConnectionSlots } from './connection-slots';
import { operationCost } from './cost-limit.plugin';
import { depthLimitRule } from './depth-limit.rule';
import { formatGraphQLError } from './format-error';

// Nest's type leaves out onError, but Nest hands every option on to graphql-ws' useServer.
type GraphQLWsOptions = Exclude<NonNullable<NonNullable<ApolloDriverConfig['subscriptions']>['graphql-ws']>, boolean> &
  Pick<ServerOptions<Record<string, unknown> | undefined, unknown>, 'onError'>;

/**
 * The error formatter of the HTTP path, for errors sent over a websocket: graphql-ws sends them as
 * graphql-js made them. Parse and validation errors carry no code there; Apollo marks them
 * GRAPHQL_VALIDATION_FAILED, so they are marked alike and end as BAD_USER_INPUT either way.
 */
export function formatSocketError(error: GraphQLError): GraphQLFormattedError {
  const formatted = error.toJSON();
  const marked = error.originalError || formatted.extensions?.code ? formatted : { ...formatted, extensions: { ...formatted.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } };
  return formatGraphQLError(marked, error);
}

const refusal = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** Close code for a user over their number of websockets (graphql-ws leaves 4400-4499 to servers; 429 as in HTTP). */
export const TOO_MANY_CONNECTIONS_CLOSE_CODE = 4429;
/** WebSocket's "try again later": the connection could not be counted (the database is unreachable). */
const TRY_AGAIN_LATER_CLOSE_CODE = 1013;

/**
 * graphql-ws on /graphql: a valid token in connection_init or no connection (graphql-ws closes
 * the socket with 4403), and the HTTP path's limits, which are Apollo's (a validation rule and a
 * plugin) and so never run on a websocket: without them a subscription could nest without end
 * and be executed again for every event.
 */
export function graphqlWsOptions(tokens: TokenService, revocations: TokenRevocations, slots: ConnectionSlots, settings: GatewaySettings, schema: () => GraphQLSchema): GraphQLWsOptions {
  const rules = [...specifiedRules, depthLimitRule({ max: settings.maxDepth, maxIntrospection: Math.max(settings.maxDepth, 15) })];
  return {
    onConnect: async (ctx) => {
      if (!isSocketContext(ctx)) return false;
      let session;
      try {
        session = socketSession(ctx, tokens);
      } catch {
        return false;
      }
      if (!session) return false;
      const { userId } = session.principal;
      const { socket } = ctx.extra;
      // Open websockets per user, across every replica (each holds live queries and feeds).
      let slot: number | undefined;
      try {
        slot = await slots.acquire(userId, settings.connectionsPerCustomer);
      } catch {
        socket.close(TRY_AGAIN_LATER_CLOSE_CODE, 'Try again later');
        return false;
      }
      if (slot === undefined) {
        socket.close(TOO_MANY_CONNECTIONS_CLOSE_CODE, 'Too many connections');
        return false;
      }
      const held = slot;
      // The socket may have closed while its slot was taken: its close event has then passed.
      if (socket.readyState === socket.CLOSING || socket.readyState === socket.CLOSED) {
        await slots.release(userId, held);
        return false;
      }
      socket.once('close', () => void slots.release(userId, held));
      closeWhenTokenEnds(ctx, session, revocations);
      return true;
    },
    onSubscribe: (ctx, _id, payload) => {
      // graphql-ws has already entered this subscription in ctx.subscriptions: it counts itself.
      if (Object.keys(ctx.subscriptions).length > settings.subscriptionsPerConnection) {
        return [new GraphQLError(`At most ${settings.subscriptionsPerConnection} subscriptions may run on one connection`, { extensions: { code: 'RATE_LIMITED' } })];
      }
      let document: DocumentNode;
      try {
        document = parse(payload.query);
      } catch (error) {
        return [error instanceof GraphQLError ? error : refusal('The operation cannot be parsed')];
      }
      const executable = { schema: schema(), document, variableValues: payload.variables ?? undefined, operationName: payload.operationName ?? undefined };
      const invalid = validate(executable.schema, document, rules);
      if (invalid.length > 0) return [...invalid];
      let cost: number;
      try {
        cost = operationCost({ schema: executable.schema, document, variables: executable.variableValues, operationName: executable.operationName });
      } catch (error) {
        return [refusal(error instanceof Error ? error.message : 'The operation cannot be costed')];
      }
      if (cost > settings.maxCost) return [refusal(`The operation costs ${cost}; at most ${settings.maxCost} is allowed`)];
      // Validated here, so graphql-ws executes these as they are.
      return executable;
    },
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(formatSocketError) } : undefined),
    onError: (_ctx, _id, _payload, errors) => errors.map(formatSocketError),
  };
}
