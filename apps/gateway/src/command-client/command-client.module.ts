import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { APP_CONFIG, type AppConfig, namespaced } from '@app/config';
import { COMMAND_SENDERS, type CommandPattern } from '@app/commands';
import { PRODUCER_CONFIG } from '@app/messaging';
import { COMMAND_TRANSPORT, CommandClient } from './command-client';

function createTransport(config: AppConfig): ClientKafka {
  // One client and consumer group per gateway instance: replies go to a partition this instance
  // owns, and with a group shared by replicas that partition could belong to another replica,
  // which would drop the reply as unknown.
  const id = namespaced(`gateway-${randomUUID().slice(0, 8)}`);
  const client = new ClientKafka({
    client: { clientId: id, ...config.kafka },
    // A fetch returns as soon as a reply arrives; the wait only bounds how long shutdown waits
    // for the fetch in flight (kafkajs' 5 s default made every close take 5 s).
    consumer: { groupId: id, maxWaitTimeInMs: 1000 },
    // Same idempotent producer and partitioner as every other producer of ours.
    producer: PRODUCER_CONFIG,
    // Nest appends "-client" by default; the ids above are already unique and meant as is.
    postfixId: '',
  });
  // Must precede connect(): the reply topics are subscribed when the consumer starts. Only the
  // replies to commands the gateway may send: its Kafka user may read no others.
  const sent = (Object.keys(COMMAND_SENDERS) as CommandPattern[]).filter((pattern) => COMMAND_SENDERS[pattern].includes('gateway'));
  for (const pattern of sent) client.subscribeToResponseOf(pattern);
  return client;
}

@Module({
  providers: [{ provide: COMMAND_TRANSPORT, inject: [APP_CONFIG], useFactory: createTransport }, CommandClient],
  exports: [CommandClient],
})
export class CommandClientModule {}
