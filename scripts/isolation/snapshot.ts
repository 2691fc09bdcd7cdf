import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { node as esNode } from '../stack/elasticsearch';
import { brokers } from '../stack/kafka';

/** What an environment owns on the shared services, in a form two readings can be compared in. */
export type Snapshot = Record<string, string>;

const SYSTEM_SCHEMAS = `('pg_catalog', 'information_schema', 'pg_toast')`;

/** Every table of the database: row count and a digest of its rows (order-independent). */
async function databaseOf(url: string): Promise<Snapshot> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const tables = await db.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname NOT IN ${SYSTEM_SCHEMAS} ORDER BY 1`,
    );
    const out: Snapshot = {};
    for (const { name } of tables.rows) {
      const res = await db.query<{ n: string; digest: string | null }>(`SELECT count(*) AS n, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS digest FROM ${name} t`);
      out[`db ${name}`] = `${res.rows[0].n} rows ${res.rows[0].digest ?? '-'}`;
    }
    return out;
  } finally {
    await db.end();
  }
}

/** The namespace's topics (end offsets per partition) and consumer groups (committed offsets). */
async function kafkaOf(namespace: string): Promise<Snapshot> {
  const admin = new Kafka({ clientId: `isolation-${namespace}`, brokers: brokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const out: Snapshot = {};
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${namespace}.`)).sort();
    for (const topic of topics) out[`topic ${topic}`] = (await admin.fetchTopicOffsets(topic)).map((p) => `${p.partition}:${p.high}`).sort().join(' ');
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${namespace}.`)).sort();
    for (const groupId of groups) {
      const offsets = await admin.fetchOffsets({ groupId });
      out[`group ${groupId}`] = offsets.flatMap((t) => t.partitions.map((p) => `${t.topic}/${p.partition}:${p.offset}`)).sort().join(' ');
    }
    return out;
  } finally {
    await admin.disconnect();
  }
}

/** The namespace's search indices: documents and the highest sequence number written. */
async function searchOf(namespace: string): Promise<Snapshot> {
  const res = await fetch(`${esNode()}/_cat/indices/${namespace}.*?format=json&h=index,docs.count`, { signal: AbortSignal.timeout(10000) });
  const indices = (await res.json()) as { index: string; 'docs.count': string }[];
  return Object.fromEntries(indices.map((i) => [`index ${i.index}`, `${i['docs.count']} docs`]));
}

/** Mails addressed to any of `addresses`, by file name: a re-sent mail is a new file. */
function mailsOf(mailDir: string, addresses: readonly string[]): Snapshot {
  const envelopes = readdirSync(mailDir).filter((f) => f.endsWith('.json'));
  const ours = envelopes.filter((f) => addresses.some((a) => readFileSync(join(mailDir, f), 'utf8').includes(a)));
  return { mails: `${ours.length} to the environment's customers: ${ours.sort().join(' ')}` };
}

export async function snapshot(env: { databaseUrl: string; namespace: string; mailDir: string; addresses: readonly string[] }): Promise<Snapshot> {
  return { ...(await databaseOf(env.databaseUrl)), ...(await kafkaOf(env.namespace)), ...(await searchOf(env.namespace)), ...mailsOf(env.mailDir, env.addresses) };
}

/** The keys whose values differ (or exist on one side only), as printable lines. */
export const differences = (before: Snapshot, after: Snapshot): string[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]).map((k) => `${k}: ${before[k] ?? '(absent)'} -> ${after[k] ?? '(absent)'}`);
