import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';

/**
 * Every event of every service as it reached Kafka, for `events(streamId)`: the gateway reads
 * history here instead of reaching into each service's own event store.
 */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'event_log' })
@Index('event_log_stream_version_ix', ['streamId', 'version'])
export class EventLogEntry {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text', { name: 'stream_id' })
  streamId: string;

  @Column('int')
  version: number;

  /** Global position in the writing service's store (bigint, as text). */
  @Column('text')
  position: string;

  @Column('text')
  type: string;

  @Column('int', { name: 'schema_version' })
  schemaVersion: number;

  @Column('jsonb')
  payload: unknown;

  @Column('jsonb')
  metadata: unknown;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
