import type { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { PoolClient } from 'pg';
import { type EventEnvelope, UnknownEventError } from '@app/events';
import { encodeEnvelope, H, type WireMessage } from '@app/messaging';
import { coveredBy, SpanKind, type SpanSpec } from '@app/tracing';
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
    const byTopic = new Map<string, WireMessage[]>();
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
    if (byTopic.size) {
      const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
      // One span per event in the trace that appended it, for as long as the broker takes to ack.
      await coveredBy(() => this.spans(topicMessages), () => this.producer.sendBatch({ acks: -1, topicMessages }));
    }
    return events.length - unknown.length;
  }

  /** Only for events appended in some trace: a relay span alone in a trace of its own would say nothing. */
  private spans(topicMessages: { topic: string; messages: WireMessage[] }[]): SpanSpec[] {
    return topicMessages.flatMap(({ topic, messages }) =>
      messages.filter(({ headers }) => headers[H.traceparent]).map(({ headers }) => ({
        name: `relay ${headers[H.type]}`,
        kind: SpanKind.PRODUCER,
        // A sibling of the consumers' spans: the header they continue stays the appender's span
        // (the stored metadata), so what Kafka carries and what the store holds agree.
        parent: headers[H.traceparent],
        attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.message.id': headers[H.eventId], 'relay.name': this.relay, 'event.position': headers[H.position] },
      })),
    );
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
