import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventStore } from '@app/event-store';
import { InventoryReleased, OrderCancelled, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../../shared/event-handler';
import { causedBy } from '../../shared/caused-by';
import { transactionClientOf } from '../../shared/transaction-client';
import { ProductsRepository } from '../persistence/products.repository';
import { ReservationsRepository } from '../persistence/reservations.repository';
import { quantitiesBySku } from './plan-reservation';
import { RESERVED_STREAM_VERSION, reservationStreamOf } from './reservation-stream';

/**
 * Compensation: gives a RESERVED order's units back. Any other state has nothing to give back
 * (never reserved, reservation failed, already released or committed), so the event is a no-op.
 */
@Injectable()
export class OrderCancelledHandler implements EventHandler<OrderCancelled['payload']> {
  readonly eventType = OrderCancelled.type;

  constructor(
    private readonly store: EventStore,
    private readonly products: ProductsRepository,
    private readonly reservations: ReservationsRepository,
  ) {}

  async handle(event: EventEnvelope<OrderCancelled['payload']>, em: EntityManager): Promise<void> {
    const { orderId, reason } = event.payload;
    const reservation = await this.reservations.findForUpdate(em, orderId);
    if (reservation?.status !== 'RESERVED') return;
    const held = quantitiesBySku(reservation.lines);
    await this.products.adjust(em, [...held].map(([sku, quantity]) => ({ sku, onHand: 0, reserved: -quantity })));
    await this.reservations.setStatus(em, orderId, 'RELEASED');
    const lines = reservation.lines.map(({ sku, quantity }) => ({ sku, quantity }));
    await this.store.append(reservationStreamOf(orderId), RESERVED_STREAM_VERSION, [new InventoryReleased({ orderId, lines, reason })], {
      tx: transactionClientOf(em),
      metadata: causedBy(event),
    });
  }
}
