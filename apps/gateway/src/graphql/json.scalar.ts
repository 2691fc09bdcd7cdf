import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** API.graphql's `scalar JSON`: any JSON value, passed through as is (event payloads, metadata). */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

/** The TypeScript stand-in for JSON fields: `@Field(() => JsonValue)`. */
export abstract class JsonValue {}
