import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventStore } from '@app/event-store';
import { InventoryReservationFailed, InventoryReserved, OrderCreated, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../../shared/event-handler';
import { causedBy } from '../../shared/caused-by';
import { transactionClientOf } from '../../shared/transaction-client';
import { ProductsRepository } from '../persistence/products.repository';
import { ReservationsRepository } from '../persistence/reservations.repository';
import { planReservation, quantitiesBySku } from './plan-reservation';
import { reservationStreamOf } from './reservation-stream';

/**
 * Reserves all lines or none. The product rows stay locked from the check to the commit, so
 * concurrent orders queue per sku and none can take units another one was just given.
 */
@Injectable()
export class ReserveStockOnOrderCreated implements EventHandler<OrderCreated['payload']> {
  readonly eventType = OrderCreated.type;

  constructor(
    private readonly store: EventStore,
    private readonly products: ProductsRepository,
    private readonly reservations: ReservationsRepository,
  ) {}

  async handle(event: EventEnvelope<OrderCreated['payload']>, em: EntityManager): Promise<void> {
    const { orderId, lines } = event.payload;
    // processed_events catches the same event again; this catches the same order under another
    // event id (a republished OrderCreated), which must not reserve twice either, and an order
    // cancelled before this arrived (redriven from the dead letters): ReleaseStockOnOrderCancelled left
    // it an empty RELEASED row, and stock reserved for it now would never be given back.
    if (await this.reservations.find(em, orderId)) return;
    const stock = await this.products.lockForUpdate(em, [...quantitiesBySku(lines).keys()]);
    const plan = planReservation(lines, stock);
    const append = { tx: transactionClientOf(em), metadata: causedBy(event) };

    if (!plan.ok) {
      await this.reservations.insert(em, { orderId, status: 'FAILED', lines, totalCents: null });
      await this.store.append(reservationStreamOf(orderId), 0, [new InventoryReservationFailed({ orderId, reason: plan.reason, lines: plan.lines })], append);
      return;
    }
    await this.products.adjust(em, [...plan.quantities].map(([sku, quantity]) => ({ sku, onHand: 0, reserved: quantity })));
    await this.reservations.insert(em, { orderId, status: 'RESERVED', lines: plan.lines, totalCents: plan.totalCents });
    await this.store.append(reservationStreamOf(orderId), 0, [new InventoryReserved({ orderId, lines: plan.lines, totalCents: plan.totalCents })], append);
  }
}
