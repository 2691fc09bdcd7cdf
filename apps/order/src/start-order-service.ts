import type { INestApplication } from '@nestjs/common';
import { type CommandServerIds, commandServerIds, startCommandServer } from '@app/commands';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { connectConsumer, type ConsumerServerOptions } from '@app/messaging';
import { ORDER_SAGA_CONSUMERS } from './sagas/order-saga.consumer';

export interface OrderServiceOptions {
  commands?: CommandServerIds;
  /**
   * Appended to the saga's group and client ids: tests join groups of their own, so that an order
   * service running elsewhere neither takes their messages nor loses its own.
   */
  sagaIdSuffix?: string;
  sagaServer?: Partial<ConsumerServerOptions>;
}

const SAGA_SERVER: Partial<ConsumerServerOptions> = {
  // Orders are independent of one another: partitions proceed in parallel (order within one holds).
  // Each group reads one topic (3 or 6 partitions).
  partitionsConsumedConcurrently: 3,
  // After a crash the group waits for the dead member's session to expire before it reassigns its
  // partitions, while the deadline scheduler runs on at once: with kafkajs' 30 s default, payments
  // that arrived meanwhile could lose to a 30 s payment deadline. The runtime heartbeats during
  // long handlers, so a short session is safe.
  sessionTimeout: 10_000,
  heartbeatInterval: 1000,
};

/**
 * bootstrapApp's `configure` step: the saga's consumer group and the command server, started
 * after app.init() (migrations, event topics, relay, payment client, deadline scheduler).
 * app.close() stops both servers after the message in hand, before the pools close.
 */
export async function startOrderService(app: INestApplication, { commands = commandServerIds('order'), sagaIdSuffix = '', sagaServer }: OrderServiceOptions = {}): Promise<void> {
  const { kafka } = app.get<AppConfig>(APP_CONFIG);
  for (const saga of ORDER_SAGA_CONSUMERS) {
    const ids = { groupId: saga.groupId + sagaIdSuffix, clientId: saga.clientId + sagaIdSuffix };
    connectConsumer(app, { ...saga, ...ids }, { ...kafka, ...SAGA_SERVER, ...sagaServer });
  }
  await startCommandServer(app, commands);
}
