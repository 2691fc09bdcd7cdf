import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCreated, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../../shared/event-handler';
import { ANALYTICS_SCHEMA as S } from '../analytics.schema';
import { recomputeSalesBuckets } from './sales-rollup';

type Payload = OrderCreated['payload'];

/**
 * Adds the order's fact, created at the event's time (the order service's store time), and counts
 * it in its buckets. OrderCreated is version 1 of its stream, so an existing fact is never older:
 * a duplicate inserts nothing and leaves the rollups alone.
 */
@Injectable()
export class RecordOrderCreated implements EventHandler<Payload> {
  readonly eventType = OrderCreated.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager, run: RunScope): Promise<void> {
    const { orderId, userId } = event.payload;
    const inserted: { created_at: Date }[] = await em.query(
      `INSERT INTO "${S}"."fact_orders" (order_id, user_id, created_at, status, version)
       VALUES ($1, $2, $3::timestamptz, 'PENDING', $4)
       ON CONFLICT (order_id) DO NOTHING
       RETURNING created_at`,
      [orderId, userId, event.occurredAt, event.streamVersion],
    );
    if (inserted.length > 0) recomputeSalesBuckets(run, em, inserted[0].created_at);
  }
}
