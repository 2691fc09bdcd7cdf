import { type FragmentDefinitionNode, GraphQLError, Kind, type SelectionSetNode, type ValidationRule } from 'graphql';

export interface DepthLimits {
  max: number;
  /**
   * For root `__schema` / `__type` selections: the standard introspection query nests `ofType`
   * about 8 deep under `types.fields.type`, more than a data query may have.
   */
  maxIntrospection: number;
}

const INTROSPECTION_ROOT = /^__(schema|type)$/;

/**
 * Refuses an operation nested deeper than the limit before anything runs (a validation rule:
 * every level of nesting costs resolver work). Fragments count where they are spread.
 */
export const depthLimitRule =
  ({ max, maxIntrospection }: DepthLimits): ValidationRule =>
  (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }

    // `visiting` guards fragment cycles: another rule reports them, but all rules run, so this
    // one must not loop meanwhile.
    const depthOf = (set: SelectionSetNode, visiting: Set<string>): number => {
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, visiting) : 0));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
        } else {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || visiting.has(fragment.name.value)) continue;
          visiting.add(fragment.name.value);
          deepest = Math.max(deepest, depthOf(fragment.selectionSet, visiting));
          visiting.delete(fragment.name.value);
        }
      }
      return deepest;
    };

    return {
      OperationDefinition(operation) {
        for (const selection of operation.selectionSet.selections) {
          const introspection = selection.kind === Kind.FIELD && INTROSPECTION_ROOT.test(selection.name.value);
          const limit = introspection ? maxIntrospection : max;
          const depth = depthOf({ kind: Kind.SELECTION_SET, selections: [selection] }, new Set());
          if (depth <= limit) continue;
          context.reportError(
            new GraphQLError(`The operation is nested ${depth} levels deep; at most ${limit} are allowed`, {
              nodes: [operation],
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          );
          return;
        }
      },
    };
  };
