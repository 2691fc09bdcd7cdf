import type { ApolloDriverConfig } from '@nestjs/apollo';
import { type DocumentNode, GraphQLError, type GraphQLSchema, Kind, type TypeNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

// Typed through @nestjs/apollo: it sees @apollo/server's ESM typings, this CommonJS code the
// CJS ones, and TypeScript holds the two for different types.
export type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** An operation's estimated cost (also checked on subscriptions, see subscriptions.ts); throws when it cannot be costed. */
export const operationCost = (operation: { schema: GraphQLSchema; document: DocumentNode; variables?: Record<string, unknown>; operationName?: string | null }): number => {
  const costs = costsOf(operation.document);
  const key = JSON.stringify([operation.operationName ?? null, ...costs.variables.map((name) => operation.variables?.[name] ?? null)]);
  const known = costs.byKey.get(key);
  if (known !== undefined) return known;
  const cost = getComplexity({
    schema: operation.schema,
    query: operation.document,
    variables: operation.variables,
    operationName: operation.operationName ?? undefined,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
  // Bounded: a client sending ever new list sizes must not grow the cache without end.
  if (costs.byKey.size < MAX_COSTS_PER_DOCUMENT) costs.byKey.set(key, cost);
  return cost;
};

/*
 * Costing walks the whole operation on every request (a tenth of a small read's CPU). The walk
 * depends on the schema (fixed), the document (Apollo hands the same parsed object for the same
 * text) and the variables an estimator reads: list sizes (`first`), always numbers. ID and
 * String variables (`order(id: $id)`) cannot change a cost, so they are left out of the key and
 * a document costed once is not costed again for another id.
 */
interface DocumentCosts {
  /** The document's variables that can change a cost, found once per document. */
  variables: string[];
  byKey: Map<string, number>;
}
const costsByDocument = new WeakMap<DocumentNode, DocumentCosts>();
const MAX_COSTS_PER_DOCUMENT = 64;
const COST_NEUTRAL_TYPES = new Set(['ID', 'String']);

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

const costsOf = (document: DocumentNode): DocumentCosts => {
  let costs = costsByDocument.get(document);
  if (!costs) {
    const variables = document.definitions
      .flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? (definition.variableDefinitions ?? []) : []))
      .filter((variable) => !COST_NEUTRAL_TYPES.has(namedType(variable.type)))
      .map((variable) => variable.variable.name.value);
    costsByDocument.set(document, (costs = { variables, byKey: new Map() }));
  }
  return costs;
};

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
