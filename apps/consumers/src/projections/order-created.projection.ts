import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCreated, type EventEnvelope } from '@app/events';
import { READ_MODEL_SCHEMA as S } from '@app/read-model';
import type { EventHandler } from '../shared/event-handler';
import { queryPrepared, statement } from '../shared/prepared-statement';

type Payload = OrderCreated['payload'];

/**
 * The same guard as every other order event: a replayed OrderCreated never rolls a row back.
 * Written out rather than built by TypeORM's query builder per event (B7), as a named statement.
 */
export const ORDER_VIEW_INSERT = statement(`INSERT INTO "${S}"."order_view" ("id", "user_id", "status", "lines", "total_cents", "cancellation_reason", "created_at", "updated_at", "version")
  VALUES ($1, $2, $3, $4::jsonb, $5::int, $6::text, $7::timestamptz, $7::timestamptz, $8)
  ON CONFLICT ("id") DO UPDATE SET "user_id" = EXCLUDED."user_id", "status" = EXCLUDED."status", "lines" = EXCLUDED."lines",
    "total_cents" = EXCLUDED."total_cents", "cancellation_reason" = EXCLUDED."cancellation_reason", "created_at" = EXCLUDED."created_at",
    "updated_at" = EXCLUDED."updated_at", "version" = EXCLUDED."version"
  WHERE "order_view"."version" < EXCLUDED."version"`);

/** ORDER_VIEW_INSERT's parameters: the order as PENDING, prices unknown until inventory reserves the lines. */
export const orderViewInsertParams = ({ payload: { orderId, userId, lines }, occurredAt, streamVersion }: EventEnvelope<Payload>): unknown[] => [
  orderId,
  userId,
  'PENDING',
  JSON.stringify(lines.map(({ sku, quantity }) => ({ sku, quantity, unitPriceCents: null }))),
  null,
  null,
  occurredAt,
  streamVersion,
];

/** Inserts the order as PENDING; prices are unknown until inventory reserves the lines. */
@Injectable()
export class OrderCreatedProjection implements EventHandler<Payload> {
  readonly eventType = OrderCreated.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager): Promise<void> {
    await queryPrepared(em, ORDER_VIEW_INSERT, orderViewInsertParams(event));
  }
}
