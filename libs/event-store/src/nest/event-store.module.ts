import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { pgConnectionOptions, type ServiceRole } from '@app/database';
import { EVENT_REGISTRY, EVENT_TOPICS } from '@app/events';
import { createProducer, ensureTopics } from '@app/messaging';
import { relayLagEvents, relayLagSeconds, sampledOncePer } from '@app/metrics';
import { EventStore } from '../event-store';
import { OutboxRelay } from '../relay/outbox-relay';
import { relayStatus } from '../relay/relay-status';

const OPTIONS = Symbol('EVENT_STORE_OPTIONS');
const RELAY_PRODUCER = Symbol('RELAY_PRODUCER');

interface EventStoreModuleOptions {
  /** The service's schema, where its DatabaseModule ran the event store migrations. */
  schema: string;
  /** The role the app acts as (SERVICE_ROLES, see pgConnectionOptions); tests on schemas of their own omit it. */
  role?: ServiceRole;
}

/**
 * Owns the service's event store pool, its Kafka producer and its relay: the relay starts once
 * the app has booted (migrations done) and stops before the pool closes. Every replica runs a
 * relay; the advisory lock lets one publish at a time.
 */
/** The relay's name: its checkpoint row and leader lock. */
const RELAY_NAME = 'kafka';

@Injectable()
class EventStoreLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('EventStore');
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: EventStore,
    @Inject(RELAY_PRODUCER) private readonly producer: Producer,
    private readonly relay: OutboxRelay,
  ) {}

  private readonly stopSampling: (() => void)[] = [];

  async onApplicationBootstrap(): Promise<void> {
    // With a Kafka of our own the stack made these already; elsewhere (Docker, a cluster) we do.
    await ensureTopics(this.config.kafka, EVENT_TOPICS);
    await this.producer.connect();
    this.relay.start();
    const lag = sampledOncePer(1000, () => relayStatus(this.store, RELAY_NAME));
    this.stopSampling.push(
      relayLagEvents.add(async () => [{ labels: { schema: this.store.schema }, value: (await lag()).events }]),
      relayLagSeconds.add(async () => [{ labels: { schema: this.store.schema }, value: (await lag()).seconds }]),
    );
    this.log.log(`relay started for schema ${this.store.schema}`);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const stop of this.stopSampling) stop();
    await this.relay.stop();
    await this.producer.disconnect();
    await this.store.pool.end();
  }
}

@Module({})
export class EventStoreModule {
  static forService(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: EventStore,
          inject: [APP_CONFIG, OPTIONS],
          useFactory: (config: AppConfig, opts: EventStoreModuleOptions) => {
            // A pool of its own: the append path uses plain pg prepared statements, not TypeORM.
            const pool = new Pool({ connectionString: config.databaseUrl, max: 10, ...pgConnectionOptions(config, `${opts.schema}-event-store`, undefined, opts.role) });
            // An idle connection the server ends (restart, terminated backends: chaos F3/F4) is
            // reported on the pool, and an 'error' nobody listens to would end the process. The
            // pool drops that connection and opens another at the next query; a note suffices.
            pool.on('error', (err) => new Logger(`EventStore:${opts.schema}`).warn(`idle connection lost: ${err.message}`));
            return new EventStore(pool, opts.schema, EVENT_REGISTRY);
          },
        },
        {
          provide: RELAY_PRODUCER,
          inject: [APP_CONFIG, OPTIONS],
          useFactory: (config: AppConfig, opts: EventStoreModuleOptions) =>
            createProducer(new Kafka({ clientId: `${opts.schema}-relay`, ...config.kafka, logLevel: logLevel.WARN })),
        },
        {
          provide: OutboxRelay,
          inject: [EventStore, RELAY_PRODUCER],
          useFactory: (store: EventStore, producer: Producer) => new OutboxRelay(store, producer, { name: RELAY_NAME }),
        },
        EventStoreLifecycle,
      ],
      exports: [EventStore, OutboxRelay],
    };
  }
}
