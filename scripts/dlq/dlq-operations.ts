import type { GraphQLClient } from '../gateway/graphql-client';

/** What `npm run dlq` asks the gateway: the same admin operations as in API.graphql, nothing of its own. */
const GROUPS = `{ systemStatus { groups { group deadLetters } } }`;
const LIST = `query L($group: String!, $first: Int!, $after: String) {
  deadLetters(group: $group, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id topic partition offset errorCode errorMessage attempts deadLetteredAt event { eventId type schemaVersion streamId } } }
  }
}`;
const REDRIVE = `mutation R($group: String!, $ids: [ID!]!) { redriveDeadLetters(group: $group, ids: $ids) }`;
const DISCARD = `mutation D($group: String!, $ids: [ID!]!, $reason: String!) { discardDeadLetters(group: $group, ids: $ids, reason: $reason) }`;

interface DeadLetterRow {
  id: string;
  topic: string;
  partition: number;
  offset: string;
  errorCode: string;
  errorMessage: string;
  attempts: number;
  deadLetteredAt: string;
  event: { eventId: string; type: string; schemaVersion: number; streamId: string } | null;
}

/** Groups with dead letters waiting, one line each. */
export const groupsWithDeadLetters = async (gql: GraphQLClient, token: string): Promise<string[]> => {
  const { systemStatus } = await gql.request<{ systemStatus: { groups: { group: string; deadLetters: number }[] } }>(GROUPS, {}, token);
  const waiting = systemStatus.groups.filter((g) => g.deadLetters > 0);
  return waiting.length ? waiting.map((g) => `${g.group}\t${g.deadLetters} dead letter(s)`) : ['no dead letters in any group'];
};

/** Every pending entry of the group, oldest first, one line each (all pages). */
export const listGroup = async (gql: GraphQLClient, token: string, group: string): Promise<string[]> => {
  const lines: string[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = { deadLetters: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: DeadLetterRow }[] } };
    const { deadLetters: page }: Page = await gql.request<Page>(LIST, { group, first: 100, after }, token);
    for (const { node: d } of page.edges) {
      const what = d.event ? `${d.event.type} v${d.event.schemaVersion} ${d.event.eventId} (${d.event.streamId})` : '(not an event envelope)';
      lines.push(`${d.id}\t${d.deadLetteredAt}\t${d.errorCode}\tattempts ${d.attempts}\t${what}\tfrom ${d.topic}[${d.partition}]@${d.offset}\t${d.errorMessage}`);
    }
    if (!page.pageInfo.hasNextPage) return [`${page.totalCount} dead letter(s) in ${group}`, ...lines];
    after = page.pageInfo.endCursor;
  }
};

export const redrive = async (gql: GraphQLClient, token: string, group: string, ids: string[]): Promise<number> =>
  (await gql.request<{ redriveDeadLetters: number }>(REDRIVE, { group, ids }, token)).redriveDeadLetters;

export const discard = async (gql: GraphQLClient, token: string, group: string, ids: string[], reason: string): Promise<number> =>
  (await gql.request<{ discardDeadLetters: number }>(DISCARD, { group, ids, reason }, token)).discardDeadLetters;
