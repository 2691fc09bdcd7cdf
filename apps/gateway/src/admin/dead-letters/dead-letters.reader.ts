import { Inject, Injectable } from '@nestjs/common';
import { settleDeadLettersCommandOf } from '@app/commands';
import { APP_CONFIG, type AppConfig, namespaced } from '@app/config';
import { type DeadLetterEntry, isPending, listDeadLetters } from '@app/messaging';
import { ApiError } from '../../errors/api-error';
import type { DeadLetterModel } from '../models/dead-letter.model';

/** Oldest first: by the time it was dead-lettered, then where it sits (a stable total order). */
type Position = [failedAt: string, partition: number, offset: string];

const positionOf = (entry: DeadLetterEntry): Position => [entry.failedAt, entry.partition, entry.offset];

const before = (a: Position, b: Position): boolean =>
  a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : BigInt(a[2]) < BigInt(b[2]);

/** Opaque to clients (base64url of JSON), so the format may change without breaking them. */
export const encodeDeadLetterCursor = (entry: DeadLetterEntry): string => Buffer.from(JSON.stringify(positionOf(entry))).toString('base64url');

export const decodeDeadLetterCursor = (cursor: string): Position => {
  try {
    const [failedAt, partition, offset] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof failedAt === 'string' && Number.isInteger(partition) && typeof offset === 'string' && /^\d+$/.test(offset)) return [failedAt, partition as number, offset];
  } catch {
    // falls through to the error below
  }
  throw new ApiError('BAD_USER_INPUT', 'after is not a cursor of deadLetters', 'after');
};

export const toDeadLetterModel = (group: string, entry: DeadLetterEntry): DeadLetterModel => {
  const { envelope: e } = entry;
  return {
    id: entry.id,
    group,
    topic: entry.source.topic,
    partition: entry.source.partition,
    offset: entry.source.offset,
    errorCode: entry.error.code,
    errorMessage: entry.error.message,
    attempts: entry.attempts,
    event: e
      ? { eventId: e.eventId, streamId: e.streamId, version: e.streamVersion, position: e.position ?? '', type: e.type, schemaVersion: e.schemaVersion, payload: e.payload, metadata: e.metadata, recordedAt: new Date(e.occurredAt) }
      : null,
    deadLetteredAt: new Date(entry.failedAt),
  };
};

/**
 * A group's dead letters still waiting for an admin, read from its dead-letter topic and audit
 * log (the gateway may read those of every group; it writes neither: see SettleDeadLettersHandler).
 */
@Injectable()
export class DeadLettersReader {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async pending(group: string): Promise<DeadLetterEntry[]> {
    if (!settleDeadLettersCommandOf(group)) throw new ApiError('NOT_FOUND', `No consumer group ${group} has dead letters here`, 'group');
    return this.pendingOf(group);
  }

  /** Of any group (systemStatus lists them all); its dead-letter topic may not exist. */
  async pendingOf(group: string): Promise<DeadLetterEntry[]> {
    const entries = await listDeadLetters({ ...this.config.kafka, groupId: group, readerPrefix: namespaced('gateway-dlq') });
    return entries.filter(isPending).sort((a, b) => (before(positionOf(a), positionOf(b)) ? -1 : 1));
  }

  /** One page, oldest first, after the cursor's entry. */
  async page(group: string, first: number, after?: string) {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new ApiError('BAD_USER_INPUT', 'first must be between 1 and 100', 'first');
    const from = after === undefined ? undefined : decodeDeadLetterCursor(after);
    const all = await this.pending(group);
    const rest = from ? all.filter((entry) => before(from, positionOf(entry))) : all;
    const edges = rest.slice(0, first).map((entry) => ({ node: toDeadLetterModel(group, entry), cursor: encodeDeadLetterCursor(entry) }));
    return { edges, pageInfo: { hasNextPage: rest.length > first, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: all.length };
  }
}
