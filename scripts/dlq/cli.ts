/**
 * `npm run dlq -- list [group] | redrive <group> <id...> | discard <group> <id...> --reason R
 * [--url U]`: the dead-letter admin of API.graphql from a terminal, against a running gateway,
 * signed in as ADMIN_EMAIL / ADMIN_PASSWORD (the dev defaults otherwise). `list` without a group
 * names the groups with dead letters waiting. Exit 0 on success, 1 when the gateway refused,
 * 2 on bad arguments or no gateway.
 */
import { parseArgs } from 'node:util';
import { GatewayUnreachableError, GraphQLClient } from '../gateway/graphql-client';
import { discard, groupsWithDeadLetters, listGroup, redrive } from './dlq-operations';

const USAGE = 'usage: npm run dlq -- list [group] | redrive <group> <id...> | discard <group> <id...> --reason "why" [--url http://127.0.0.1:3000/graphql]';
const LOGIN = `mutation L($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

class UsageError extends Error {}

const run = async (): Promise<string[]> => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { url: { type: 'string', default: 'http://127.0.0.1:3000/graphql' }, reason: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [action, group, ...ids] = positionals;
  if (values.help || !action) return [USAGE];
  if (!['list', 'redrive', 'discard'].includes(action)) throw new UsageError(`unknown action "${action}"`);
  if (action !== 'list' && (!group || ids.length === 0)) throw new UsageError(`${action} needs a group and at least one id`);
  if (action === 'discard' && !values.reason?.trim()) throw new UsageError('discard needs --reason');
  const gql = new GraphQLClient(values.url);
  const email = process.env.ADMIN_EMAIL ?? 'admin@example.com';
  const password = process.env.ADMIN_PASSWORD ?? 'admin12345';
  const token = (await gql.request<{ login: { token: string } }>(LOGIN, { email, password })).login.token;
  if (action === 'list') return group ? listGroup(gql, token, group) : groupsWithDeadLetters(gql, token);
  if (action === 'redrive') return [`redriven: ${await redrive(gql, token, group, ids)} of ${ids.length}`];
  return [`discarded: ${await discard(gql, token, group, ids, values.reason!)} of ${ids.length}`];
};

run().then(
  (lines) => console.log(lines.join('\n')),
  (error: unknown) => {
    const usage = error instanceof UsageError || (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'));
    console.error(`dlq: ${error instanceof Error ? error.message : String(error)}${usage ? `\n${USAGE}` : ''}`);
    process.exitCode = usage || error instanceof GatewayUnreachableError ? 2 : 1;
  },
);
