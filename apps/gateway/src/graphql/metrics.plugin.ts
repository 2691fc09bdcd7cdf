import { Kind, type OperationDefinitionNode } from 'graphql';
import { graphqlErrors, graphqlOperationSeconds } from '@app/metrics';
import type { ApolloPlugin } from './cost-limit.plugin';

/** The operation's first root field: bounded by the schema (a client-chosen operation name is not). */
const rootField = (operation: OperationDefinitionNode | undefined): string => {
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind === Kind.FIELD && selection.name.value !== '__typename') return selection.name.value;
  }
  return 'unknown';
};

/** Durations of HTTP operations by type and root field, and the codes of the errors sent (libs/metrics). */
export const graphqlMetricsPlugin = (): ApolloPlugin => ({
  async requestDidStart() {
    const timer = graphqlOperationSeconds.startTimer();
    return {
      async willSendResponse({ operation, response }) {
        timer({ type: operation?.operation ?? 'unknown', field: rootField(operation ?? undefined) });
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) graphqlErrors.inc({ code: String(error.extensions?.code ?? 'INTERNAL') });
      },
    };
  },
});
