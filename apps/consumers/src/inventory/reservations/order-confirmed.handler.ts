import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventStore } from '@app/event-store';
import { InventoryCommitted, OrderConfirmed, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../../shared/event-handler';
import { causedBy } from '../../shared/caused-by';
import { transactionClientOf } from '../../shared/transaction-client';
import { ProductsRepository } from '../persistence/products.repository';
import { ReservationsRepository } from '../persistence/reservations.repository';
import { quantitiesBySku } from './plan-reservation';
import { RESERVED_STREAM_VERSION, reservationStreamOf } from './reservation-stream';

/**
 * The order is paid: its reserved units leave the warehouse (on hand and reserved both drop, so
 * `available` stays as it was). Only a RESERVED reservation is committed; anything else is a no-op.
 */
@Injectable()
export class CommitStockOnOrderConfirmed implements EventHandler<OrderConfirmed['payload']> {
  readonly eventType = OrderConfirmed.type;

  constructor(
    private readonly store: EventStore,
    private readonly products: ProductsRepository,
    private readonly reservations: ReservationsRepository,
  ) {}

  async handle(event: EventEnvelope<OrderConfirmed['payload']>, em: EntityManager): Promise<void> {
    const { orderId } = event.payload;
    const reservation = await this.reservations.findForUpdate(em, orderId);
    if (reservation?.status !== 'RESERVED') return;
    const held = quantitiesBySku(reservation.lines);
    await this.products.adjust(em, [...held].map(([sku, quantity]) => ({ sku, onHand: -quantity, reserved: -quantity })));
    await this.reservations.setStatus(em, orderId, 'COMMITTED');
    const lines = reservation.lines.map(({ sku, quantity }) => ({ sku, quantity }));
    await this.store.append(reservationStreamOf(orderId), RESERVED_STREAM_VERSION, [new InventoryCommitted({ orderId, lines })], {
      tx: transactionClientOf(em),
      metadata: causedBy(event),
    });
  }
}
