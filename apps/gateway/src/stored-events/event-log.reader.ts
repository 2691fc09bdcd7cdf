import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThanOrEqual, type Repository } from 'typeorm';
import { EventLogEntry } from '@app/read-model';

/** Reads `read_model.event_log`: every event of every service, as the projections consumer logged it. */
@Injectable()
export class EventLogReader {
  constructor(@InjectRepository(EventLogEntry) private readonly log: Repository<EventLogEntry>) {}

  /** A stream's events from `fromVersion` (inclusive) in version order, at most `limit`. */
  read(streamId: string, fromVersion: number, limit: number): Promise<EventLogEntry[]> {
    return this.log.find({ where: { streamId, version: MoreThanOrEqual(fromVersion) }, order: { version: 'ASC' }, take: limit });
  }
}
