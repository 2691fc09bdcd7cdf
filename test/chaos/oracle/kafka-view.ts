import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DLQ_HEADERS } from '@app/messaging';
import { headerText } from '@app/messaging/dead-letter/dead-letter-headers';
import { readToEnd } from '@app/messaging/dead-letter/read-to-end';

/** The header F5 puts on every message it injects, so a dead letter can be told apart from a real one. */
export const POISON_HEADER = 'chaos-poison';

export interface DeadLetter {
  topic: string;
  consumer: string;
  code: string;
  sourceTopic: string;
  eventId?: string;
  type?: string;
  poison?: string;
  at: number;
}

export interface KafkaView {
  /** Per event topic, the event ids on it. */
  eventIds: Map<string, Set<string>>;
  deadLetters: DeadLetter[];
}

/**
 * Every event topic and dead-letter topic of the namespace, read from the beginning to the end
 * as it is now, by a throwaway group (deleted afterwards) that commits nothing.
 */
export const readKafka = async (brokers: string[], namespace: string): Promise<KafkaView> => {
  const kafka = new Kafka({ clientId: `${namespace}.chaos-oracle`, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const groups: string[] = [];
  const view: KafkaView = { eventIds: new Map(), deadLetters: [] };
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${namespace}.`));
    for (const topic of topics.filter((t) => t.endsWith('.events') || t.endsWith('.dlq'))) {
      const groupId = `${namespace}.chaos-oracle-${randomUUID()}`;
      groups.push(groupId);
      const ids = new Set<string>();
      view.eventIds.set(topic, ids);
      await readToEnd(kafka, { topic, groupId, timeoutMs: 60000 }, async (message) => {
        const eventId = headerText(message.headers, 'event-id');
        if (topic.endsWith('.events')) {
          if (eventId) ids.add(eventId);
          return;
        }
        view.deadLetters.push({
          topic,
          consumer: headerText(message.headers, DLQ_HEADERS.consumer) ?? '?',
          code: headerText(message.headers, DLQ_HEADERS.errorCode) ?? '?',
          sourceTopic: headerText(message.headers, DLQ_HEADERS.sourceTopic) ?? '?',
          eventId,
          type: headerText(message.headers, 'event-type'),
          poison: headerText(message.headers, POISON_HEADER),
          at: Number(message.timestamp),
        });
      });
    }
  } finally {
    await admin.deleteGroups(groups).catch(() => undefined);
    await admin.disconnect();
  }
  return view;
};
