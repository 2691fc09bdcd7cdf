import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventStore } from '@app/event-store';
import { InventoryReleased, OrderCancelled, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../../shared/event-handler';
import { causedBy } from '../../shared/caused-by';
import { transactionClientOf } from '../../shared/transaction-client';
import { ProductsRepository } from '../persistence/products.repository';
import { type Reservation, ReservationsRepository } from '../persistence/reservations.repository';
import { quantitiesBySku } from './plan-reservation';
import { RESERVED_STREAM_VERSION, reservationStreamOf } from './reservation-stream';

/**
 * Compensation: gives a RESERVED order's units back. A reservation in any other state has nothing
 * to give back (failed, already released or committed), so the event changes nothing.
 *
 * An order inventory never decided on (its OrderCreated dead-lettered here, the order cancelled
 * FULFILMENT_TIMEOUT meanwhile) gets a RELEASED row holding nothing, and no event: nothing was
 * reserved, so there is nothing to announce. That row is what makes the OrderCreated, once
 * redriven, a no-op (ReserveStockOnOrderCreated), instead of stock reserved for a dead order forever.
 */
@Injectable()
export class ReleaseStockOnOrderCancelled implements EventHandler<OrderCancelled['payload']> {
  readonly eventType = OrderCancelled.type;

  constructor(
    private readonly store: EventStore,
    private readonly products: ProductsRepository,
    private readonly reservations: ReservationsRepository,
  ) {}

  async handle(event: EventEnvelope<OrderCancelled['payload']>, em: EntityManager): Promise<void> {
    const { orderId } = event.payload;
    const reservation = (await this.reservations.findForUpdate(em, orderId)) ?? (await this.forestall(em, orderId));
    if (reservation?.status === 'RESERVED') await this.release(em, event, reservation);
  }

  /**
   * Undefined once the empty RELEASED row is in. If an OrderCreated of the order committed its
   * row since the lookup above (only while a rebalance hands the partition over), that row.
   */
  private async forestall(em: EntityManager, orderId: string): Promise<Reservation | undefined> {
    if (await this.reservations.insertUnlessPresent(em, { orderId, status: 'RELEASED', lines: [], totalCents: null })) return undefined;
    return this.reservations.findForUpdate(em, orderId);
  }

  private async release(em: EntityManager, event: EventEnvelope<OrderCancelled['payload']>, reservation: Reservation): Promise<void> {
    const { orderId, reason } = event.payload;
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
