import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCreated, type EventEnvelope } from '@app/events';
import { READ_MODEL_SCHEMA as S } from '@app/read-model';
import type { EventHandler } from '../shared/event-handler';
import { queryPrepared, statement } from '../shared/prepared-statement';
import { allButId, type UpsertColumn, versionGuardedUpsert } from '../shared/version-guarded-upsert';

type Payload = OrderCreated['payload'];

export const ORDER_VIEW_COLUMNS: UpsertColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'user_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'lines', cast: 'jsonb', type: 'jsonb' },
  { name: 'total_cents', cast: 'int', type: 'int' },
  { name: 'cancellation_reason', cast: 'text', type: 'text' },
  { name: 'created_at', cast: 'timestamptz', type: 'timestamptz' },
  { name: 'updated_at', cast: 'timestamptz', type: 'timestamptz' },
  { name: 'version', type: 'int' },
];

/** The same guard as every other order event: a replayed OrderCreated never rolls a row back. */
export const ORDER_VIEW_INSERT = statement(versionGuardedUpsert(`"${S}"."order_view"`, ORDER_VIEW_COLUMNS, allButId(ORDER_VIEW_COLUMNS)));

/** ORDER_VIEW_INSERT's parameters: the order as PENDING, prices unknown until inventory reserves the lines. */
export const orderViewInsertParams = ({ payload: { orderId, userId, lines }, occurredAt, streamVersion }: EventEnvelope<Payload>): unknown[] => [
  orderId,
  userId,
  'PENDING',
  JSON.stringify(lines.map(({ sku, quantity }) => ({ sku, quantity, unitPriceCents: null }))),
  null,
  null,
  occurredAt,
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
