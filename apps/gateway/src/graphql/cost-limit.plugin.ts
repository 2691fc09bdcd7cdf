import type { ApolloDriverConfig } from '@nestjs/apollo';
import { type DocumentNode, GraphQLError, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

// Typed through @nestjs/apollo: it sees @apollo/server's ESM typings, this CommonJS code the
// CJS ones, and TypeScript holds the two for different types.
type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** An operation's estimated cost (also checked on subscriptions, see subscriptions.ts); throws when it cannot be costed. */
export const operationCost = (operation: { schema: GraphQLSchema; document: DocumentNode; variables?: Record<string, unknown>; operationName?: string | null }): number =>
  getComplexity({
    schema: operation.schema,
    query: operation.document,
    variables: operation.variables,
    operationName: operation.operationName ?? undefined,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });

/**
 * Refuses an operation whose estimated cost is over `maxCost`. Each field costs 1 unless it
 * declares its own (`@Field({ complexity })`, e.g. `first * childComplexity` on connections).
 * A plugin rather than a validation rule because the cost depends on variables (`first: $n`),
 * which validation rules never see, and Apollo caches validation per query text.
 */
export const costLimitPlugin = (maxCost: number): ApolloPlugin => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document, schema }) {
        let cost: number;
        try {
          cost = operationCost({ schema, document, variables: request.variables, operationName: request.operationName });
        } catch (error) {
          // e.g. more nodes than the estimator will walk: the query is unreasonable either way.
          throw refusal(error instanceof Error ? error.message : 'The operation cannot be costed');
        }
        if (cost > maxCost) throw refusal(`The operation costs ${cost}; at most ${maxCost} is allowed`);
      },
    };
  },
});

// http.status: Apollo would answer 500 for an error thrown from a plugin hook.
const refusal = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
