import type { IHeaders } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';
import type { KafkaConnection } from '@app/config';
import { deadLetterAuditTopic, type EventRegistry, redriveTopic } from '@app/events';
import { encodeEnvelope } from '../kafka-codec';
import { PRODUCER_CONFIG } from '../producer';
import { encodeAuditRecord, type DeadLetterAction } from './dead-letter-audit';
import { isPending, type DeadLetterEntry } from './dead-letter-entry';
import { headerText, REDRIVE_SOURCE_HEADER, withoutDeadLetterHeaders } from './dead-letter-headers';
import { listDeadLetters } from './list-dead-letters';

/** Entries per produce request of a redrive. */
const REDRIVE_CHUNK = 50;

export interface SettleDeadLettersRequest {
  groupId: string;
  ids: readonly string[];
  action: DeadLetterAction;
  reason?: string;
  /** The admin's user id, for the audit log. */
  actor: string;
  commandId: string;
}

/**
 * The entry as its group will consume it again: upcast to the event's current schema (the
 * handlers may no longer know the version it failed with), its headers as on the source topic,
 * and that source named, whose handler takes it. Undecodable or no longer valid: as it was, to be
 * dead-lettered again with the reason.
 */
const asRedriven = (entry: DeadLetterEntry, registry: EventRegistry) => {
  const { message } = entry;
  const headers: IHeaders = { ...withoutDeadLetterHeaders(message.headers), [REDRIVE_SOURCE_HEADER]: headerText(message.headers, REDRIVE_SOURCE_HEADER) ?? entry.source.topic };
  try {
    if (!entry.envelope) throw new Error('not an envelope');
    const current = encodeEnvelope(registry.upcastEnvelope(entry.envelope));
    return { key: message.key, value: current.value, headers: { ...headers, ...current.headers } };
  } catch {
    return { key: message.key, value: message.value, headers };
  }
};

/**
 * Redrives or discards the pending entries among `ids` of a group's dead-letter topic; run by the
 * app that owns the group, the only one that may write its topics. A redrive puts each entry on
 * the group's redrive topic (read by that group alone: the other groups of the source topic
 * consumed the event long ago), then the audit log records what was done. A crash between the two
 * leaves the entries pending, and a second redrive delivers them twice, which each handler's
 * idempotency makes harmless. Answers how many entries it settled (ids already settled or unknown
 * are skipped). Settling is idempotent per commandId.
 */
export const settleDeadLetters = async (connection: KafkaConnection, registry: EventRegistry, request: SettleDeadLettersRequest): Promise<number> => {
  const { groupId, ids, action, reason, actor, commandId } = request;
  const wanted = new Set(ids);
  const all = await listDeadLetters({ ...connection, groupId });
  // A resend of a command already carried out (its reply was lost): its first outcome, nothing again.
  const before = all.filter((entry) => entry.settled?.commandId === commandId).length;
  if (before) return before;
  const entries = all.filter((entry) => wanted.has(entry.id) && isPending(entry));
  if (!entries.length) return 0;
  const kafka = new Kafka({ clientId: `${groupId}.dlq-settle`, ...connection, logLevel: logLevel.NOTHING });
  const producer = kafka.producer(PRODUCER_CONFIG);
  try {
    await producer.connect();
    // In chunks: one key's entries go to one partition as one record batch, which the broker
    // refuses past its message.max.bytes (1 MB by default).
    for (let i = 0; action === 'REDRIVE' && i < entries.length; i += REDRIVE_CHUNK) {
      await producer.send({ topic: redriveTopic(groupId), acks: -1, messages: entries.slice(i, i + REDRIVE_CHUNK).map((entry) => asRedriven(entry, registry)) });
    }
    const record = { action, ids: entries.map((entry) => entry.id), actor, reason, at: new Date().toISOString(), commandId };
    await producer.send({ topic: deadLetterAuditTopic(groupId), acks: -1, messages: [encodeAuditRecord(record)] });
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
  return entries.length;
};
