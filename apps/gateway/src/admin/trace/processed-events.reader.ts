import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { droppedMeanwhile, schemasGranting } from '../granted-functions';
import type { AppliedEvent } from './build-trace';

/**
 * What the consumers applied of some events, through each schema's processed_events_of function
 * (SECURITY DEFINER, EXECUTE granted to the gateway's role; libs/messaging 1795800000000): the
 * consumers app's, the order saga's, any other consuming app's. Found in the catalog, as
 * RelayStatusReader finds the stores, so the gateway names no other service's schema and reads
 * none of their tables; looked up on every call, since a consuming app may migrate later.
 */
@Injectable()
export class ProcessedEventsReader {
  constructor(private readonly dataSource: DataSource) {}

  async of(eventIds: readonly string[]): Promise<AppliedEvent[]> {
    if (!eventIds.length) return [];
    const schemas = await schemasGranting(this.dataSource, 'processed_events_of');
    const perSchema = await Promise.all(schemas.map((schema) => this.inSchema(schema, eventIds)));
    return perSchema.flat();
  }

  private async inSchema(schema: string, eventIds: readonly string[]): Promise<AppliedEvent[]> {
    try {
      const rows: { consumer: string; event_id: string; processed_at: Date }[] = await this.dataSource.query(
        `SELECT consumer, event_id, processed_at FROM "${schema}".processed_events_of($1::text[])`,
        [eventIds],
      );
      return rows.map((r) => ({ consumer: r.consumer, eventId: r.event_id, processedAt: r.processed_at }));
    } catch (error) {
      if (droppedMeanwhile(error)) return [];
      throw error;
    }
  }
}
