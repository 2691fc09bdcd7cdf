import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client, type PoolClient } from 'pg';
import { loadConfig } from '@app/config';
import { APPEND_LOCK_TOO_LATE, OutboxRelay } from '@app/event-store';
import { createProducer, ensureTopics } from '@app/messaging';
import { createStoreFixture, type StoreFixture } from '../support/event-store-fixture';
import { KafkaCollector } from '../support/kafka-collector';
import { META, testEvents } from '../support/test-events';
import { waitFor } from '../support/wait-for';

const { kafka: { brokers: kafkaBrokers }, databaseUrl } = loadConfig();
const topic = `es-horizon-test.${randomUUID().slice(0, 8)}`;
const { Deposited, registry } = testEvents(topic);
/** How long the blocking transactions stay open (the scenario, not a wait). */
const HOLD_MS = 5000;
/**
 * Far longer than any delivery below may take: the relay's idle poll never fires during a case,
 * so whatever is delivered was delivered because the relay was woken when the data was ready.
 */
const IDLE_POLL_MS = 120_000;
/** Generous for a loaded 2-core CI machine; today's deliveries take a few milliseconds. */
const PROMPT_MS = 1000;

/** Watching, for a while, that the relay publishes nothing (the scenario, not a wait for a condition). */
const WATCH_MS = 300;
const watchNothingLeave = () => new Promise((r) => setTimeout(r, WATCH_MS));

const deposit = (amount: number) => new Deposited({ amount, currency: 'EUR' });
const appendOne = (fx: StoreFixture, tx?: PoolClient) => fx.store.append(`account-${randomUUID()}`, 0, [deposit(1)], { metadata: META, tx });

describe('The relay delivers as soon as the appends before it have ended, whatever else the database is doing', () => {
  let fx: StoreFixture;
  let producer: Producer;
  let relay: OutboxRelay;
  let collector: KafkaCollector;
  const holders: { end(): Promise<void> }[] = [];

  beforeAll(async () => {
    await ensureTopics({ brokers: kafkaBrokers }, [{ topic, numPartitions: 3 }]);
    fx = await createStoreFixture(registry);
    producer = createProducer(new Kafka({ clientId: 'horizon-test', brokers: kafkaBrokers, logLevel: logLevel.NOTHING }));
    await producer.connect();
    relay = new OutboxRelay(fx.store, producer, { name: 'kafka', pollIntervalMs: IDLE_POLL_MS });
    relay.start();
    await waitFor('the relay to lead', () => relay.leader);
    collector = new KafkaCollector(kafkaBrokers, topic);
    await collector.start();
  });

  afterAll(async () => {
    for (const h of holders) await h.end().catch(() => undefined);
    await relay?.stop();
    await collector?.stop();
    await producer?.disconnect();
    await fx?.close();
  });

  /** A client of another database of the same cluster, closed in afterAll. */
  const otherDatabase = async (): Promise<Client> => {
    const url = new URL(databaseUrl);
    url.pathname = '/postgres';
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    holders.push(client);
    return client;
  };
  const hasTransactionId = async (db: { query: Client['query'] }) => (await db.query('SELECT pg_current_xact_id_if_assigned() AS xid')).rows[0].xid !== null;
  /** Appends one event and resolves with how long until the relay had published it. */
  const timedDelivery = async (): Promise<number> => {
    const before = relay.published;
    const started = performance.now();
    await appendOne(fx);
    await waitFor('the relay to publish the event', () => relay.published > before, { timeoutMs: PROMPT_MS * 5, intervalMs: 1 });
    return performance.now() - started;
  };

  it('is not held back by a write transaction left open in another schema or in another database', async () => {
    const sameDb = await fx.pool.connect();
    holders.push({ end: async () => sameDb.release(true) });
    await sameDb.query('BEGIN');
    await sameDb.query('CREATE TEMP TABLE unrelated (n int)');
    await sameDb.query('INSERT INTO unrelated VALUES (1)');
    const otherDb = await otherDatabase();
    await otherDb.query('BEGIN');
    await otherDb.query('CREATE TEMP TABLE unrelated (n int)');
    await otherDb.query('INSERT INTO unrelated VALUES (1)');
    expect(await hasTransactionId(sameDb)).toBe(true);
    expect(await hasTransactionId(otherDb)).toBe(true);
    const opened = performance.now();

    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) latencies.push(await timedDelivery());

    // Both were still open, holding their transaction ids, while everything was delivered.
    expect(performance.now() - opened).toBeLessThan(HOLD_MS);
    expect(await hasTransactionId(sameDb)).toBe(true);
    expect(await hasTransactionId(otherDb)).toBe(true);
    for (const ms of latencies) expect(ms).toBeLessThan(PROMPT_MS);
    await sameDb.query('ROLLBACK');
    await otherDb.query('ROLLBACK');
  });

  it('delivers two appends that commit out of position order together, within moments of the later commit', async () => {
    const early = await fx.pool.connect();
    holders.push({ end: async () => early.release(true) });
    await early.query('BEGIN');
    const first = await appendOne(fx, early);
    const before = relay.published;
    const second = await appendOne(fx);
    expect(BigInt(second.position)).toBeGreaterThan(BigInt(first.position));

    // The later position has committed; the earlier one has not, so neither may leave yet
    // (the earlier would be skipped by anyone who trusted positions).
    await watchNothingLeave();
    expect(relay.published).toBe(before);

    const committed = performance.now();
    await early.query('COMMIT');
    await waitFor('both events to be published', () => relay.published >= before + 2, { timeoutMs: PROMPT_MS * 5, intervalMs: 1 });
    expect(performance.now() - committed).toBeLessThan(PROMPT_MS);
    const ids = (await Promise.all([first, second].map((r) => fx.store.readStream(r.streamId)))).map((s) => s[0].eventId);
    await waitFor('both to reach Kafka', () => ids.every((id) => collector.eventIds().has(id)));
  });

  it('waits for a transaction that declared its appends before its first write, and then delivers what it appended', async () => {
    const slow = await fx.pool.connect();
    holders.push({ end: async () => slow.release(true) });
    await slow.query('BEGIN');
    await fx.store.lockForAppend(slow);
    await slow.query('CREATE TEMP TABLE effects (n int)');
    await slow.query('INSERT INTO effects VALUES (1)'); // it now has a transaction id, and no event yet
    const before = relay.published;
    await appendOne(fx);
    await appendOne(fx);
    await watchNothingLeave();
    expect(relay.published).toBe(before); // held: the slow one may still append below them

    const late = await appendOne(fx, slow);
    await slow.query('COMMIT');
    await waitFor('all three to be published', () => relay.published >= before + 3, { timeoutMs: PROMPT_MS * 5, intervalMs: 1 });
    const lateId = (await fx.store.readStream(late.streamId))[0].eventId;
    await waitFor('the late event to reach Kafka', () => collector.eventIds().has(lateId));
  });

  it('refuses a declaration made after the transaction has written, instead of risking a skipped event', async () => {
    const client = await fx.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('CREATE TEMP TABLE too_early (n int)');
      await expect(fx.store.lockForAppend(client)).rejects.toMatchObject({ code: APPEND_LOCK_TOO_LATE });
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('is woken within moments when the append holding it back rolls back (a rollback sends no NOTIFY)', async () => {
    const doomed = await fx.pool.connect();
    holders.push({ end: async () => doomed.release(true) });
    await doomed.query('BEGIN');
    await appendOne(fx, doomed);
    const before = relay.published;
    await appendOne(fx);
    await watchNothingLeave();
    expect(relay.published).toBe(before);

    const rolledBack = performance.now();
    await doomed.query('ROLLBACK');
    await waitFor('the committed event to be published', () => relay.published > before, { timeoutMs: PROMPT_MS * 5, intervalMs: 1 });
    expect(performance.now() - rolledBack).toBeLessThan(PROMPT_MS);
  });
});
