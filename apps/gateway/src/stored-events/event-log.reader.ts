import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThanOrEqual, type Repository } from 'typeorm';
import { EventLogEntry } from '@app/read-model';

/** Reads `read_model.event_log`: every event of every service, as the projections consumer logged it. */
@Injectable()
export class EventLogReader {
  constructor(@InjectRepository(EventLogEntry) private readonly log: Repository<EventLogEntry>) {}

  /** A stream's events from `fromVersion` (inclusive) in version order, at most `limit`. */
  read(streamId: string, fromVersion: number, limit: number): Promise<EventLogEntry[]> {
    return this.log.find({ where: { streamId, version: MoreThanOrEqual(fromVersion) }, order: { version: 'ASC' }, take: limit });
  }

  /**
   * The events of `types` in any of `streamIds`, in the order they were recorded. Positions are
   * per store and cannot order events of several services; recorded_at (the writing transaction's
   * start, on the one PostgreSQL server, to the millisecond the envelope carries) can: an event's
   * transaction starts after its cause's committed and crossed Kafka. Then stream and version.
   */
  readStreams(streamIds: string[], types: readonly string[]): Promise<EventLogEntry[]> {
    if (!streamIds.length) return Promise.resolve([]);
    return this.log.find({ where: { streamId: In(streamIds), type: In([...types]) }, order: { recordedAt: 'ASC', streamId: 'ASC', version: 'ASC' } });
  }

  /**
   * The first `limit` events of one correlation (metadata.correlationId), every service's, in the
   * order they were recorded (see readStreams); event_log_correlation_ix serves it.
   */
  readCorrelation(correlationId: string, limit: number): Promise<EventLogEntry[]> {
    return this.log
      .createQueryBuilder('e')
      .where(`e.metadata ->> 'correlationId' = :correlationId`, { correlationId })
      .orderBy('e.recordedAt', 'ASC')
      .addOrderBy('e.streamId', 'ASC')
      .addOrderBy('e.version', 'ASC')
      .limit(limit)
      .getMany();
  }
}
