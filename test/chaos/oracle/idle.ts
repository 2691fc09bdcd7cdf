import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { CONSUMERS, groupOf, topicsOf } from './consumers';
import type { SystemState } from './oracle';
import { type Baseline, rowsOrEmpty, STORES } from './stored-events';

const ORDER_FINAL = `('OrderConfirmed', 'OrderCancelled', 'OrderRefunded')`;

/** Events behind, per consumer group (committed offset to the end of each partition). */
const lagOf = async (state: SystemState): Promise<string[]> => {
  // A few retries: with none, kafkajs asks for the group coordinator before it has any metadata.
  const admin = new Kafka({ clientId: `${state.namespace}.chaos-idle`, brokers: state.brokers, logLevel: logLevel.NOTHING, retry: { retries: 3, initialRetryTime: 200 } }).admin();
  await admin.connect();
  try {
    const behind: string[] = [];
    for (const consumer of CONSUMERS) {
      const topics = topicsOf(state.namespace, consumer);
      const committed = await admin.fetchOffsets({ groupId: groupOf(state.namespace, consumer), topics });
      let lag = 0n;
      for (const topic of topics) {
        const offsets = committed.find((c) => c.topic === topic)?.partitions ?? [];
        for (const { partition, high } of await admin.fetchTopicOffsets(topic)) {
          const at = BigInt(offsets.find((p) => p.partition === partition)?.offset ?? '-1');
          if (BigInt(high) > 0n && at < BigInt(high)) lag += BigInt(high) - (at < 0n ? 0n : at);
        }
      }
      if (lag > 0n) behind.push(`${consumer.name} ${lag} behind`);
    }
    return behind;
  } finally {
    await admin.disconnect();
  }
};

/** What still moves: orders not final, mails not sent, consumers behind; and a count that changes while anything appends. */
const probe = async (state: SystemState, baseline: Baseline, emails: boolean): Promise<{ busy: string[]; fingerprint: string }> => {
  const busy: string[] = [];
  const [open] = await rowsOrEmpty<{ n: string }>(state.db,
    `SELECT count(*)::text AS n FROM (SELECT DISTINCT ON (stream_id) event_type FROM orders.events
       WHERE stream_id IN (SELECT stream_id FROM orders.events WHERE position > $1 AND event_type = 'OrderCreated')
       ORDER BY stream_id, stream_version DESC) last WHERE event_type NOT IN ${ORDER_FINAL}`, [baseline.positions.orders]);
  if (open && open.n !== '0') busy.push(`${open.n} orders not final`);
  const [mail] = await rowsOrEmpty<{ n: string }>(state.db,
    `SELECT count(*)::text AS n FROM notifications.deliveries WHERE status = 'PENDING' AND channel = 'EMAIL' AND created_at >= to_timestamp($1 / 1000.0)`, [baseline.since]);
  if (emails && mail && mail.n !== '0') busy.push(`${mail.n} emails pending`);
  busy.push(...(await lagOf(state)));
  const counts: string[] = [];
  for (const store of STORES) {
    const [row] = await rowsOrEmpty<{ n: string }>(state.db, `SELECT count(*)::text AS n FROM "${store}".events WHERE position > $1`, [baseline.positions[store]]);
    counts.push(row?.n ?? '0');
  }
  return { busy, fingerprint: counts.join('/') };
};

export interface Idle {
  idle: boolean;
  /** When not idle by the deadline: what was still moving. */
  busy: string[];
}

/**
 * "Once idle": every order final, every mail sent, every consumer group at the end of its
 * topics, and nothing appended between two probes two seconds apart. Gives up at the deadline
 * and says what was still moving; the oracle then runs anyway and reports it as stuck.
 * `emails: false` for settling before a scenario: another suite's mail that can never go
 * (`npm test` leaves some) is not this scenario's to wait for.
 */
export const waitIdle = async (state: SystemState, baseline: Baseline, timeoutMs: number, progress: (line: string) => void, { emails = true } = {}): Promise<Idle> => {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let busy: string[] = ['not probed yet'];
  let reported = 0;
  while (Date.now() < deadline) {
    try {
      const now = await probe(state, baseline, emails);
      if (now.busy.length === 0 && now.fingerprint === last) return { idle: true, busy: [] };
      busy = now.busy.length ? now.busy : ['still appending'];
      last = now.fingerprint;
    } catch (error) {
      busy = [`probe failed: ${error instanceof Error ? error.message : String(error)}`];
    }
    if (Date.now() - reported > 10_000) {
      progress(`waiting for idle: ${busy.join(', ')}`);
      reported = Date.now();
    }
    await delay(2000);
  }
  return { idle: false, busy };
};
