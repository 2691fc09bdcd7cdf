import { buildSchema, parse, validate } from 'graphql';
import { depthLimitRule } from './depth-limit.rule';

const schema = buildSchema('type Node { id: ID! child: Node } type Query { node: Node }');
const rule = depthLimitRule({ max: 3, maxIntrospection: 5 });
const errorsOf = (query: string) => validate(schema, parse(query), [rule]).map((e) => e.message);

describe('depthLimitRule', () => {
  it('accepts an operation at the limit and refuses one level deeper', () => {
    expect(errorsOf('{ node { child { id } } }')).toEqual([]);
    expect(errorsOf('{ node { child { child { id } } } }')).toEqual(['The operation is nested 4 levels deep; at most 3 are allowed']);
  });

  it('counts fragments and inline fragments where they are spread', () => {
    expect(errorsOf('{ node { ...F } } fragment F on Node { child { ... on Node { child { id } } } }')).toHaveLength(1);
  });

  it('terminates on fragment cycles (reported by the standard rules)', () => {
    expect(errorsOf('{ node { ...A } } fragment A on Node { child { ...B } } fragment B on Node { child { ...A } }')).toEqual([]);
  });

  it('gives introspection its own limit', () => {
    expect(errorsOf('{ __schema { types { fields { type { name } } } } }')).toEqual([]);
    expect(errorsOf('{ __schema { types { fields { type { ofType { name } } } } } }')).toHaveLength(1);
  });
});
