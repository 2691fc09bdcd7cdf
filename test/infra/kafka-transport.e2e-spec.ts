import { Controller, INestApplication, INestMicroservice, Injectable, Module } from '@nestjs/common';
import { ClientKafka, ClientsModule, EventPattern, Payload, Transport } from '@nestjs/microservices';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { ensureTopics } from '@app/messaging';
import { loadConfig } from '@app/config';
import { waitFor } from '../support/wait-for';

const { kafka: { brokers } } = loadConfig();
const run = randomUUID().slice(0, 8);
const topic = `foundation.ping.${run}`;

@Injectable()
class Inbox {
  readonly received: { id: string }[] = [];
}

@Controller()
class PingController {
  constructor(private readonly inbox: Inbox) {}

  @EventPattern<Record<string, { id: string }>>(topic)
  onPing(@Payload() ping: { id: string }): void {
    this.inbox.received.push(ping);
  }
}

@Module({ controllers: [PingController], providers: [Inbox] })
class ReceiverModule {}

describe('Kafka transport between two Nest apps', () => {
  let receiver: INestMicroservice;
  let sender: INestApplication;

  beforeAll(async () => {
    await ensureTopics({ brokers }, [{ topic, numPartitions: 1 }]);
    receiver = await NestFactory.createMicroservice(ReceiverModule, {
      transport: Transport.KAFKA,
      options: {
        client: { clientId: `receiver-${run}`, brokers, logLevel: logLevel.WARN },
        consumer: { groupId: `receiver-${run}` },
        subscribe: { fromBeginning: true },
        // Nest appends "-server" to ids unless told otherwise (DESIGN.md section 10).
        postfixId: '',
      },
      logger: ['error', 'warn'],
    });
    await receiver.listen();
    const moduleRef = await Test.createTestingModule({
      imports: [
        ClientsModule.register([
          { name: 'BUS', transport: Transport.KAFKA, options: { client: { clientId: `sender-${run}`, brokers }, producerOnlyMode: true } },
        ]),
      ],
    }).compile();
    sender = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await sender.init();
  });

  afterAll(async () => {
    await sender?.close();
    await receiver?.close();
    const admin = new Kafka({ clientId: `cleanup-${run}`, brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('delivers a ClientKafka.emit to an @EventPattern handler in another app through the broker', async () => {
    const client = sender.get<ClientKafka>('BUS');
    await client.connect();
    const id = randomUUID();
    await lastValueFrom(client.emit(topic, { key: id, value: { id } }));

    const inbox = receiver.get(Inbox);
    const got = await waitFor('the ping to arrive', () => inbox.received.find((p) => p.id === id));
    expect(got).toEqual({ id });
  });
});
