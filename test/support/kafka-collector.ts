import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import type { EventEnvelope } from '@app/events';
import { decodeEnvelope } from '@app/messaging';

export interface Received {
  envelope: EventEnvelope;
  key: string;
  partition: number;
}

/** Reads a topic from the beginning into memory, in each partition's order. */
export class KafkaCollector {
  readonly received: Received[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly brokers: string[],
    private readonly topic: string,
  ) {}

  async start(): Promise<void> {
    const kafka = new Kafka({ clientId: `collector-${randomUUID().slice(0, 8)}`, brokers: this.brokers, logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({ groupId: `collector-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message, partition }) => {
        this.received.push({ envelope: decodeEnvelope(message), key: message.key!.toString(), partition });
      },
    });
  }

  eventIds(): Set<string> {
    return new Set(this.received.map((r) => r.envelope.eventId));
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** For each stream, the versions in the order they were first seen: must be ascending. */
export const firstSeenVersions = (envelopes: EventEnvelope[]): Map<string, number[]> => {
  const seen = new Set<string>();
  const byStream = new Map<string, number[]>();
  for (const e of envelopes) {
    if (seen.has(e.eventId)) continue;
    seen.add(e.eventId);
    byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.streamVersion]);
  }
  return byStream;
};
