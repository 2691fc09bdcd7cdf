import type { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { PoolClient } from 'pg';
import { type EventEnvelope, UnknownEventError } from '@app/events';
import { encodeEnvelope } from '@app/messaging';
import type { EventStore } from '../event-store';
import { ParkedEvents } from './parked-events';

/**
 * Sends a relay's batch to Kafka, grouped by topic (acks=all). An event whose type no contract
 * knows has no topic: it is parked (recorded in relay_parked on the leader's connection, before
 * the checkpoint can move past it) and reported, and the rest goes on: retrying it could only
 * fail forever, with everything behind it stuck.
 */
export class RelayPublisher {
  private readonly parked: ParkedEvents;

  constructor(
    private readonly store: EventStore,
    private readonly producer: Producer,
    private readonly relay: string,
    private readonly log: Logger,
  ) {
    this.parked = new ParkedEvents(store.schema);
  }

  /** How many events went to Kafka. */
  async publish(events: EventEnvelope[], client: PoolClient): Promise<number> {
    const byTopic = new Map<string, ReturnType<typeof encodeEnvelope>[]>();
    const unknown: EventEnvelope[] = [];
    for (const e of events) {
      const topic = this.topicOf(e);
      if (topic === undefined) {
        unknown.push(e);
        continue;
      }
      const list = byTopic.get(topic) ?? [];
      list.push(encodeEnvelope(e));
      byTopic.set(topic, list);
    }
    if (unknown.length) await this.park(client, unknown, 'UNKNOWN_EVENT_TYPE');
    if (byTopic.size) await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    return events.length - unknown.length;
  }

  private topicOf(event: EventEnvelope): string | undefined {
    try {
      return this.store.registry.latest(event.type).topic;
    } catch (error) {
      if (error instanceof UnknownEventError) return undefined;
      throw error;
    }
  }

  private async park(client: PoolClient, events: EventEnvelope[], reason: string): Promise<void> {
    await this.parked.record(client, this.relay, events, reason);
    for (const e of events) this.log.error(`parked ${e.type} ${e.eventId} at position ${e.position} (${reason}): not published; see "${this.store.schema}".relay_parked`);
  }
}
