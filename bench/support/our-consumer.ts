import { NestFactory } from '@nestjs/core';
import type { Consumer } from 'kafkajs';
import type { ConsumerDefinition, ConsumerServerOptions } from '@app/messaging';
import { connectConsumers } from '../../apps/consumers/src/consumers';

/**
 * One run of "ours" in B7/B10: `consumer` in a Nest app of `module`, connected and started as
 * the consumers app does it, timed by `listen` on its kafkajs consumer, then closed. The
 * benchmark imports consumers-sources.ts first (decorator metadata for the app's files).
 */
export const runOurConsumer = async (
  module: object,
  consumer: ConsumerDefinition,
  groupIdPrefix: string,
  server: Partial<ConsumerServerOptions>,
  listen: (kafkaConsumer: Consumer) => Promise<number>,
  /** Runs once the app exists (its DataSource has migrated), before the consumer starts. */
  prepare: () => Promise<unknown> = async () => undefined,
): Promise<number> => {
  const app = await NestFactory.create(module, { logger: ['error', 'warn'], abortOnError: false });
  await prepare();
  // maxWaitTimeInMs only shortens app.close(): fetches return as soon as data is there.
  const [ours] = await connectConsumers(app, { groupIdPrefix, only: [consumer], server: { maxWaitTimeInMs: 500, ...server } });
  try {
    await app.init();
    await app.startAllMicroservices();
    return await listen(ours.unwrap<[unknown, Consumer]>()[1]);
  } finally {
    await app.close();
  }
};
