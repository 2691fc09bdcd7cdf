import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { dropNamespaceAcls } from '../kafka/acl-admin';
import { node as esNode } from './elasticsearch';
import { brokers } from './kafka';
import { say } from './log';

/** A namespace of its own for one `npm test` or `npm run bench` run (see libs/config/src/namespace.ts). */
export const runNamespace = (kind: 'test' | 'bench'): string => `${kind}-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

/**
 * Deletes what a finished run left on the shared broker and cluster: its topics (events,
 * commands, replies, dead letters), its consumer groups (also those a test prefixed), and its
 * Elasticsearch indices with their aliases. Best effort: a service already stopped is skipped.
 */
export const dropNamespace = async (namespace: string): Promise<void> => {
  const prefix = `${namespace}.`;
  const admin = new Kafka({ clientId: `drop-${namespace}`, brokers: brokers(), logLevel: logLevel.NOTHING, retry: { retries: 1 } }).admin();
  try {
    await admin.connect();
    const { groups } = await admin.listGroups();
    const ours = groups.map((g) => g.groupId).filter((id) => id.includes(prefix));
    if (ours.length) await admin.deleteGroups(ours).catch(() => undefined);
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics });
    const acls = await dropNamespaceAcls(admin, namespace);
    say('namespace', `${namespace}: deleted ${topics.length} topics, ${ours.length} consumer groups and ${acls} ACLs`);
  } catch (error) {
    say('namespace', `${namespace}: Kafka cleanup skipped (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  try {
    const res = await fetch(`${esNode()}/_cat/indices/${prefix}*?format=json&h=index`, { signal: AbortSignal.timeout(5000) });
    const indices = ((await res.json()) as { index: string }[]).map((i) => i.index);
    // By name: Elasticsearch 8 refuses wildcard deletes (action.destructive_requires_name).
    if (indices.length) await fetch(`${esNode()}/${indices.join(',')}`, { method: 'DELETE', signal: AbortSignal.timeout(10000) });
    say('namespace', `${namespace}: deleted ${indices.length} search indices`);
  } catch (error) {
    say('namespace', `${namespace}: Elasticsearch cleanup skipped (${error instanceof Error ? error.message : String(error)})`);
  }
};
