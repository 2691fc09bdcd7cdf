import type { INestApplication } from '@nestjs/common';
import { type KafkaOptions, Transport } from '@nestjs/microservices';
import { logLevel } from 'kafkajs';
import { APP_CONFIG, type AppConfig, namespaced } from '@app/config';
import { COMMAND_TOPICS } from '../patterns';
import { ensureTopics, PRODUCER_CONFIG } from '@app/messaging';

export interface CommandServerIds {
  clientId: string;
  groupId: string;
}

/** The ids of a service's command server: every replica joins one group, so each command is handled once. */
export const commandServerIds = (service: string): CommandServerIds => ({ clientId: service, groupId: namespaced(`${service}-commands`) });

/**
 * Connects a service's Kafka request/reply server (its `@MessagePattern(COMMANDS.x)` handlers)
 * to the app and starts it. `app.close()` (shutdown hooks) stops the consumer after the message
 * in hand, before the pools close; a reply lost at that moment is covered by the caller's retry
 * with the same commandId.
 */
export async function startCommandServer(app: INestApplication, ids: CommandServerIds): Promise<void> {
  // Bootstrap work (e.g. the user service's admin seed) finishes before any command arrives.
  await app.init();
  const { kafka } = app.get<AppConfig>(APP_CONFIG);
  // Topic auto-creation is off; outside the local stack (Docker, a cluster) nobody else makes them.
  await ensureTopics(kafka, COMMAND_TOPICS);
  app.connectMicroservice<KafkaOptions>({
    transport: Transport.KAFKA,
    options: {
      client: { clientId: ids.clientId, ...kafka, logLevel: logLevel.WARN },
      // After a crash (SIGKILL) the group waits for the dead member's session to expire before a
      // restarted replica gets its partitions: 10 s instead of kafkajs' 30 s. Command handlers
      // are short (a hash, a few statements), well inside it. A short fetch wait keeps shutdown quick.
      consumer: { groupId: ids.groupId, sessionTimeout: 10_000, heartbeatInterval: 1000, maxWaitTimeInMs: 1000 },
      // Replies go to the partition the caller named; the shared config keeps the partitioner
      // the same as every other producer of ours anyway.
      producer: PRODUCER_CONFIG,
      // Nest appends "-server" to both ids unless told otherwise (DESIGN.md section 10).
      postfixId: '',
      // Hashing takes tens of milliseconds: let the partitions of both topics proceed in parallel.
      run: { partitionsConsumedConcurrently: 3 },
    },
  });
  await app.startAllMicroservices();
}
