import { Controller, type ExceptionFilter, Inject, type INestApplication, Module } from '@nestjs/common';
import { Ctx } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type Message, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import { ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { deadLetterTopic, type EventEnvelope, type EventRegistry } from '@app/events';
import {
  CONSUMER_MIGRATIONS,
  ConsumerRuntime,
  ConsumerRuntimeModule,
  ConsumerPattern,
  type ConsumerServer,
  type ConsumerServerOptions,
  connectConsumer,
  defineConsumer,
  encodeEnvelope,
  ensureTopics,
  PRODUCER_CONFIG,
  type ConsumerDefinition,
  type RetryPolicy,
  type KafkaBatchContext,
} from '@app/messaging';
import { assertTestDatabase } from '../support/test-env';

/**
 * One consumer group in a Nest app of its own, on its own random topic, group and Postgres
 * schema, with a `counters` read side that handlers bump in the runtime's transaction.
 */
export const { kafka: { brokers }, databaseUrl } = loadConfig();

export type Behaviour = (event: EventEnvelope<any>, em: EntityManager) => Promise<void>;

export interface Delivery {
  consumer: string;
  eventId: string;
  partition: number;
}

class CreateTestCounters1764201700000 implements MigrationInterface {
  name = 'CreateTestCounters1764201700000';
  async up(q: QueryRunner): Promise<void> {
    // Unqualified on purpose: DatabaseModule's search_path puts it in the test's schema.
    await q.query(`CREATE TABLE counters (id text PRIMARY KEY, n integer NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE counters`);
  }
}

/** Adds `by` to counter `id`: the read-side effect the tests count. */
export const bump = (em: EntityManager, id: string, by = 1): Promise<unknown> =>
  em.query(`INSERT INTO counters (id, n) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET n = counters.n + EXCLUDED.n`, [id, by]);

export const envelope = <P>(type: string, payload: P, aggregateId: string = randomUUID()): EventEnvelope<P> => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  streamId: `counter-${aggregateId}`,
  aggregateId,
  streamVersion: 1,
  occurredAt: new Date().toISOString(),
  payload,
  metadata: { correlationId: randomUUID(), causationId: null, userId: null },
});

export interface HarnessOptions {
  registry: EventRegistry;
  behaviour: Behaviour;
  /** More consumer groups in the same app, on the same topic. */
  otherConsumers?: Behaviour[];
  retry?: Partial<RetryPolicy>;
  handlerBudgetMs?: number;
  server?: Partial<ConsumerServerOptions>;
  partitions?: number;
  globalFilters?: ExceptionFilter[];
}

export class ConsumerHarness {
  readonly run = randomUUID().slice(0, 8);
  readonly topic = `runtime-test.${this.run}.events`;
  readonly schema = `runtime_test_${this.run}`;
  /** The consumer running `behaviour`; `consumers` also holds the others, in order. */
  readonly consumer: ConsumerDefinition;
  readonly consumers: ConsumerDefinition[];
  /** Every call of the handler (attempts included), in order. */
  readonly deliveries: Delivery[] = [];
  app: INestApplication;
  server: ConsumerServer;
  private readonly kafka = new Kafka({ clientId: `runtime-test-${this.run}`, brokers, logLevel: logLevel.NOTHING });
  private readonly members: INestApplication[] = [];
  private admin: Admin;
  private producer: Producer;

  constructor(private readonly options: HarnessOptions) {
    const count = 1 + (options.otherConsumers?.length ?? 0);
    this.consumers = Array.from({ length: count }, (_, i) => defineConsumer({ name: `runtime-test-${this.run}${i ? `-${i}` : ''}`, retry: options.retry, handlerBudgetMs: options.handlerBudgetMs }));
    this.consumer = this.consumers[0];
  }

  async start(): Promise<this> {
    assertTestDatabase(databaseUrl);
    await ensureTopics({ brokers }, [{ topic: this.topic, numPartitions: this.options.partitions ?? 1 }]);
    this.admin = this.kafka.admin();
    await this.admin.connect();
    this.producer = this.kafka.producer(PRODUCER_CONFIG);
    await this.producer.connect();

    const moduleRef = await Test.createTestingModule({ imports: [this.module()] }).compile();
    this.app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    this.app.useGlobalFilters(...(this.options.globalFilters ?? []));
    // A short fetch wait only so that closing the app does not wait out kafkajs' 5 s long poll.
    [this.server] = this.consumers.map((c) => connectConsumer(this.app, c, { brokers, maxWaitTimeInMs: 200, ...this.options.server }));
    await this.app.init();
    await this.app.startAllMicroservices();
    return this;
  }

  private controller(consumer: ConsumerDefinition, behaviour: Behaviour) {
    const { topic, deliveries } = this;

    @Controller()
    class TestConsumer {
      constructor(@Inject(ConsumerRuntime) private readonly runtime: ConsumerRuntime) {}

      @ConsumerPattern(consumer, topic)
      handle(@Ctx() ctx: KafkaBatchContext) {
        return this.runtime.process(ctx, (event, em) => {
          deliveries.push({ consumer: consumer.name, eventId: event.eventId, partition: ctx.getPayload().batch.partition });
          return behaviour(event, em);
        });
      }
    }
    return TestConsumer;
  }

  private module() {
    const behaviours = [this.options.behaviour, ...(this.options.otherConsumers ?? [])];

    @Module({
      imports: [
        ConfigModule,
        DatabaseModule.forService({ schema: this.schema, migrations: [...CONSUMER_MIGRATIONS, CreateTestCounters1764201700000] }),
        ConsumerRuntimeModule.forRoot({ registry: this.options.registry }),
      ],
      controllers: this.consumers.map((c, i) => this.controller(c, behaviours[i])),
    })
    class TestConsumerModule {}
    return TestConsumerModule;
  }

  async produce(event: EventEnvelope): Promise<void> {
    await this.produceRaw(encodeEnvelope(event));
  }

  /** In one request, so they are fetched together as one batch. */
  async produceMany(events: EventEnvelope[]): Promise<void> {
    await this.producer.send({ topic: this.topic, acks: -1, messages: events.map(encodeEnvelope) });
  }

  /** Another member of the same groups (another replica of the app), closed with the harness. */
  async addMember(): Promise<INestApplication> {
    const moduleRef = await Test.createTestingModule({ imports: [this.module()] }).compile();
    const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    for (const c of this.consumers) connectConsumer(app, c, { brokers, maxWaitTimeInMs: 200, ...this.options.server });
    await app.init();
    await app.startAllMicroservices();
    this.members.push(app);
    return app;
  }

  /** When each event was recorded as processed: one transaction, one timestamp (now()). */
  async processedAt(eventIds: string[]): Promise<Map<string, string>> {
    const rows: { event_id: string; at: string }[] = await this.app
      .get(DataSource)
      .query(`SELECT event_id, processed_at::text AS at FROM "${this.schema}".processed_events WHERE event_id = ANY($1)`, [eventIds]);
    return new Map(rows.map((r) => [r.event_id, r.at]));
  }

  async produceRaw(message: Message): Promise<void> {
    await this.producer.send({ topic: this.topic, acks: -1, messages: [message] });
  }

  async counter(id: string): Promise<number | undefined> {
    const rows: { n: number }[] = await this.app.get(DataSource).query(`SELECT n FROM "${this.schema}".counters WHERE id = $1`, [id]);
    return rows[0]?.n;
  }

  async processedEvents(): Promise<{ consumer: string; event_id: string }[]> {
    return this.app.get(DataSource).query(`SELECT consumer, event_id FROM "${this.schema}".processed_events ORDER BY processed_at`);
  }

  /** The member ids of the group, as the broker sees them. */
  async memberIds(): Promise<string[]> {
    const { groups } = await this.admin.describeGroups([this.consumer.groupId]);
    return groups[0].members.map((m) => m.memberId);
  }

  calls(eventId: string, consumer = this.consumer.name): number {
    return this.deliveries.filter((d) => d.eventId === eventId && d.consumer === consumer).length;
  }

  /** Messages of the source topic whose offsets the group has committed. */
  async committed(groupId = this.consumer.groupId): Promise<number> {
    const [offsets] = await this.admin.fetchOffsets({ groupId, topics: [this.topic] });
    return offsets.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  }

  async produced(topic = this.topic): Promise<number> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  }

  deadLettered(): Promise<number> {
    return this.produced(deadLetterTopic(this.consumer.groupId));
  }

  async close(): Promise<void> {
    for (const member of this.members) await member.close();
    await this.app?.close();
    await this.producer?.disconnect();
    if (this.admin) {
      const groups = this.consumers.map((c) => c.groupId);
      await this.admin.deleteGroups(groups).catch(() => undefined);
      await this.admin.deleteTopics({ topics: [this.topic, ...groups.map(deadLetterTopic)] }).catch(() => undefined);
      await this.admin.disconnect();
    }
    const pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    try {
      await pg.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    } finally {
      await pg.end();
    }
  }
}

/** `start(options)` for a suite: each harness it starts is closed after its test. Call at describe level. */
export const harnessStarter = (registry: EventRegistry) => {
  const started: ConsumerHarness[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((h) => h.close()));
  });
  return (options: Omit<HarnessOptions, 'registry'>): Promise<ConsumerHarness> => {
    const harness = new ConsumerHarness({ registry, ...options });
    started.push(harness);
    return harness.start();
  };
};
