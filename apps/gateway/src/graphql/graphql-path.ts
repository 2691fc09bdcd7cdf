/** Where the gateway serves GraphQL: HTTP operations, graphql-ws subscriptions and GraphiQL alike. */
export const GRAPHQL_PATH = '/graphql';
