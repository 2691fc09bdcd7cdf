import type { KafkaMessage } from 'kafkajs';

export type DeadLetterAction = 'REDRIVE' | 'DISCARD';

/**
 * One record of a group's dead-letter audit log (deadLetterAuditTopic): what an admin did to
 * which entries, and why. The log is also what says an entry is settled: Kafka cannot delete one
 * message, so a discarded entry stays on the dead-letter topic and the log names it.
 */
export interface DeadLetterAuditRecord {
  action: DeadLetterAction;
  /** Entry ids (`<partition>:<offset>` on the dead-letter topic). */
  ids: string[];
  /** The admin's user id. */
  actor: string;
  reason?: string;
  at: string;
  /** The command that did it: a resend of the same command is recognisable. */
  commandId: string;
}

export const encodeAuditRecord = (record: DeadLetterAuditRecord): { key: string; value: string } => ({ key: record.commandId, value: JSON.stringify(record) });

/** A record this code did not write (or a future shape it cannot read) settles nothing. */
export const decodeAuditRecord = (message: KafkaMessage): DeadLetterAuditRecord | undefined => {
  try {
    const record = JSON.parse(message.value?.toString() ?? '') as Partial<DeadLetterAuditRecord>;
    const valid = (record.action === 'REDRIVE' || record.action === 'DISCARD') && Array.isArray(record.ids) && typeof record.at === 'string';
    return valid ? (record as DeadLetterAuditRecord) : undefined;
  } catch {
    return undefined;
  }
};

/** The id of a dead-letter entry: where it sits on its dead-letter topic. */
export const deadLetterId = (partition: number, offset: string): string => `${partition}:${offset}`;
