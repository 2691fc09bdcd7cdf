import { buildSchema, parse } from 'graphql';
import { costLimitPlugin, operationCost } from './cost-limit.plugin';

const schema = buildSchema('type Node { id: ID! child: Node } type Query { node: Node }');

// Runs the plugin's didResolveOperation hook as Apollo would, and returns the refusal if any.
const refusalOf = async (maxCost: number, query: string) => {
  const listener = (await costLimitPlugin(maxCost).requestDidStart!({} as never)) as { didResolveOperation(ctx: unknown): Promise<void> };
  return listener.didResolveOperation({ request: { variables: {} }, document: parse(query), schema }).then(
    () => undefined,
    (error: { message: string; extensions: object }) => error,
  );
};

describe('costLimitPlugin', () => {
  it('lets an operation within the cost through', async () => {
    expect(await refusalOf(3, '{ node { child { id } } }')).toBeUndefined();
  });

  it('refuses an operation over the cost with BAD_USER_INPUT and a 400', async () => {
    expect(await refusalOf(3, '{ node { id child { id } } }')).toMatchObject({
      message: 'The operation costs 4; at most 3 is allowed',
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  });

  it('costs one parsed document anew for each value of a variable that can change its cost', () => {
    // The same object, as Apollo's document cache hands it out: the cost cache must key on $deep.
    const document = parse('query Q($id: ID!, $deep: Boolean!) { node { id child @include(if: $deep) { id } } }');
    const cost = (variables: Record<string, unknown>) => operationCost({ schema, document, variables, operationName: 'Q' });
    expect(cost({ id: 'a', deep: false })).toBe(2);
    expect(cost({ id: 'b', deep: true })).toBe(4);
    expect(cost({ id: 'c', deep: false })).toBe(2);
  });
});
