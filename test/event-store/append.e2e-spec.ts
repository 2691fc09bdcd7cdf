import { randomUUID } from 'node:crypto';
import { EventSchemaError, UnknownEventError, type DomainEvent } from '@app/events';
import { ConcurrencyError } from '@app/event-store';
import { createStoreFixture, type StoreFixture } from '../support/event-store-fixture';
import { META, testEvents } from '../support/test-events';

const { Deposited, DepositedV1, registry } = testEvents('es-test.events');

describe('Event store append', () => {
  let fx: StoreFixture;
  beforeAll(async () => (fx = await createStoreFixture(registry)));
  afterAll(() => fx.close());

  const count = async (streamId: string) =>
    Number((await fx.pool.query(`SELECT count(*) FROM "${fx.schema}".events WHERE stream_id = $1`, [streamId])).rows[0].count);

  it('lets exactly one of 16 concurrent writers win each version; the rest get ConcurrencyError and retry', async () => {
    const streamId = `account-${randomUUID()}`;
    const writers = Array.from({ length: 16 }, (_, i) => i + 1);
    const winners = new Map<number, number>();
    const conflicts: ConcurrencyError[] = [];
    await Promise.all(
      writers.map(async (writer) => {
        for (;;) {
          const history = await fx.store.readStream(streamId);
          try {
            const res = await fx.store.append(streamId, history.length, [new Deposited({ amount: writer, currency: 'EUR' })], { metadata: META });
            expect(winners.has(res.version)).toBe(false);
            winners.set(res.version, writer);
            return;
          } catch (err) {
            if (!(err instanceof ConcurrencyError)) throw err;
            conflicts.push(err);
          }
        }
      }),
    );

    expect([...winners.keys()].sort((a, b) => a - b)).toEqual(writers);
    expect(conflicts.length).toBeGreaterThan(0);
    for (const c of conflicts) {
      expect(c).toMatchObject({ code: 'CONCURRENCY_CONFLICT', streamId });
      expect(c.actual).toBeGreaterThan(c.expected);
    }
    const stream = await fx.store.readStream(streamId);
    expect(stream.map((e) => e.streamVersion)).toEqual(writers);
    // The stored stream folds to the same state as applying the winners one after another.
    const serialFold = writers.reduce((sum, v) => sum + winners.get(v)!, 0);
    expect(stream.reduce((sum, e) => sum + (e.payload as { amount: number }).amount, 0)).toBe(serialFold);
    expect(serialFold).toBe((16 * 17) / 2);
  });

  it('appends many events in one call with consecutive versions and increasing positions', async () => {
    const streamId = `account-${randomUUID()}`;
    const events = Array.from({ length: 100 }, (_, i) => new Deposited({ amount: i + 1, currency: 'USD' }));
    const res = await fx.store.append(streamId, 0, events, { metadata: META });
    expect(res).toMatchObject({ streamId, version: 100, duplicate: false });
    const stream = await fx.store.readStream(streamId);
    expect(stream.map((e) => e.streamVersion)).toEqual(events.map((_, i) => i + 1));
    const positions = stream.map((e) => BigInt(e.position!));
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
    expect(stream[99].position).toBe(res.position);
    expect(stream[0].metadata).toEqual(META);
  });

  it('rejects a stale expected version without writing anything', async () => {
    const streamId = `account-${randomUUID()}`;
    await fx.store.append(streamId, 0, [new Deposited({ amount: 1, currency: 'EUR' })], { metadata: META });
    await expect(fx.store.append(streamId, 0, [new Deposited({ amount: 2, currency: 'EUR' })], { metadata: META })).rejects.toEqual(
      expect.objectContaining({ code: 'CONCURRENCY_CONFLICT', streamId, expected: 0, actual: 1 }),
    );
    await expect(fx.store.append(streamId, 5, [new Deposited({ amount: 2, currency: 'EUR' })], { metadata: META })).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await count(streamId)).toBe(1);
  });

  it('appends nothing new for a repeated idempotency key and returns the first result, also under concurrency', async () => {
    const streamId = `account-${randomUUID()}`;
    const key = `cmd-${randomUUID()}`;
    const attempt = () => fx.store.append(streamId, 0, [new Deposited({ amount: 7, currency: 'EUR' }), new Deposited({ amount: 8, currency: 'EUR' })], { metadata: META, idempotencyKey: key });
    const results = await Promise.all(Array.from({ length: 8 }, attempt));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    const first = results.find((r) => !r.duplicate)!;
    for (const r of results) expect({ version: r.version, position: r.position }).toEqual({ version: first.version, position: first.position });
    // Even after the stream moved on, the key still answers with the first result.
    await fx.store.append(streamId, 2, [new Deposited({ amount: 9, currency: 'EUR' })], { metadata: META });
    await expect(attempt()).resolves.toMatchObject({ duplicate: true, version: 2, position: first.position });
    expect(await count(streamId)).toBe(3);
  });

  it('refuses a schema-invalid payload with a clear error and stores nothing', async () => {
    const streamId = `account-${randomUUID()}`;
    const bad = new Deposited({ amount: -5, currency: 'GBP' } as never);
    const err = await fx.store.append(streamId, 0, [new Deposited({ amount: 1, currency: 'EUR' }), bad], { metadata: META }).catch((e) => e);
    expect(err).toBeInstanceOf(EventSchemaError);
    expect(err.code).toBe('EVENT_SCHEMA_INVALID');
    expect(err.issues.map((i: { path: string }) => i.path).sort()).toEqual(['amount', 'currency']);
    await expect(fx.store.append(streamId, 0, [{ type: 'NoSuchEvent', payload: {} } as DomainEvent], { metadata: META })).rejects.toBeInstanceOf(UnknownEventError);
    await expect(fx.store.append(streamId, 0, [new DepositedV1({ amount: 1 })], { metadata: META })).rejects.toThrow(/not the current version/);
    expect(await count(streamId)).toBe(0);
  });

  it('reads events stored at an old schema version upcast to the current one', async () => {
    const streamId = `account-${randomUUID()}`;
    // A v1 event as an older release wrote it; stored events are never edited.
    await fx.pool.query(
      `INSERT INTO "${fx.schema}".events (stream_id, stream_version, event_id, event_type, schema_version, payload, metadata)
       VALUES ($1, 1, $2, 'Deposited', 1, '{"amount": 12}', $3)`,
      [streamId, randomUUID(), JSON.stringify(META)],
    );
    await fx.store.append(streamId, 1, [new Deposited({ amount: 3, currency: 'USD' })], { metadata: META });
    const stream = await fx.store.readStream(streamId);
    expect(stream.map((e) => [e.schemaVersion, e.payload])).toEqual([
      [2, { amount: 12, currency: 'EUR' }],
      [2, { amount: 3, currency: 'USD' }],
    ]);
    expect((await fx.store.readStream(streamId, 1)).map((e) => e.streamVersion)).toEqual([2]);
  });

  it("commits or rolls back events together with the caller's transaction", async () => {
    const streamId = `account-${randomUUID()}`;
    const client = await fx.pool.connect();
    try {
      await client.query('BEGIN');
      await fx.store.append(streamId, 0, [new Deposited({ amount: 1, currency: 'EUR' })], { metadata: META, tx: client });
      await client.query('ROLLBACK');
      expect(await count(streamId)).toBe(0);
      await client.query('BEGIN');
      await fx.store.append(streamId, 0, [new Deposited({ amount: 1, currency: 'EUR' })], { metadata: META, tx: client });
      await client.query('COMMIT');
      expect(await count(streamId)).toBe(1);
    } finally {
      client.release();
    }
  });
});
