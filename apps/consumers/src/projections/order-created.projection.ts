import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCreated, type EventEnvelope } from '@app/events';
import { OrderView } from '@app/read-model';
import type { EventHandler } from '../shared/event-handler';

type Payload = OrderCreated['payload'];

/** Inserts the order as PENDING; prices are unknown until inventory reserves the lines. */
@Injectable()
export class OrderCreatedProjection implements EventHandler<Payload> {
  readonly eventType = OrderCreated.type;

  async handle(event: EventEnvelope<Payload>, em: EntityManager): Promise<void> {
    const { orderId, userId, lines } = event.payload;
    const at = new Date(event.occurredAt);
    await em
      .createQueryBuilder()
      .insert()
      .into(OrderView)
      .values({
        id: orderId,
        userId,
        status: 'PENDING',
        lines: lines.map(({ sku, quantity }) => ({ sku, quantity, unitPriceCents: null })),
        totalCents: null,
        cancellationReason: null,
        createdAt: at,
        updatedAt: at,
        version: event.streamVersion,
      })
      // The same guard as every other order event: a replayed OrderCreated never rolls a row back.
      .orUpdate(['user_id', 'status', 'lines', 'total_cents', 'cancellation_reason', 'created_at', 'updated_at', 'version'], ['id'], {
        overwriteCondition: { where: '"order_view"."version" < EXCLUDED."version"' },
      })
      .updateEntity(false)
      .execute();
  }
}
