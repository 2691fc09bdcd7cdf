import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { OrderViewReader } from '../../orders/order-view.reader';
import { PaymentViewReader } from '../../orders/payment-view.reader';

const uuid = z.uuid();

/**
 * Who owns a stream, for `events(streamId)`: `user-<id>` that user; `order-<id>` and
 * `reservation-<orderId>` the order's user; `payment-<id>` the user of the payment's order.
 * null when nobody but an admin may read it: `product-<sku>`, any other kind, and an order or
 * payment the read model does not have (yet), since its owner cannot be told.
 */
@Injectable()
export class StreamOwner {
  constructor(
    private readonly orders: OrderViewReader,
    private readonly payments: PaymentViewReader,
  ) {}

  async of(aggregate: string, id: string): Promise<string | null> {
    // Ids are uuid columns: anything else cannot exist, and must not reach the query.
    if (!uuid.safeParse(id).success) return null;
    switch (aggregate) {
      case 'user':
        return id;
      case 'order':
      case 'reservation':
        return this.orderOwner(id);
      case 'payment': {
        const payment = await this.payments.findById(id);
        return payment ? this.orderOwner(payment.orderId) : null;
      }
      default:
        return null;
    }
  }

  private async orderOwner(orderId: string): Promise<string | null> {
    return (await this.orders.findById(orderId))?.userId ?? null;
  }
}
