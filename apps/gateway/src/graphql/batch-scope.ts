import type { GraphQLResolveInfo } from 'graphql';

/**
 * What one set of per-request loaders (OrderLoaders) lives for: the request, or for a
 * subscription each message it sends. graphql-js executes every message with the same context
 * and the message's payload as rootValue; loaders keyed by the context would answer the
 * CONFIRMED message's `payment` from the PENDING message's cache.
 */
export const batchScope = (ctx: object, info: GraphQLResolveInfo): object =>
  info.operation.operation === 'subscription' && typeof info.rootValue === 'object' && info.rootValue !== null ? info.rootValue : ctx;
