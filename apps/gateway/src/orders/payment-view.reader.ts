import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { PaymentView, READ_MODEL_SCHEMA } from '@app/read-model';

const PAYMENTS_BY_ORDER_IDS = `SELECT id, order_id AS "orderId", amount_cents AS "amountCents", status,
  failure_reason AS "failureReason", processed_at AS "processedAt", version
  FROM "${READ_MODEL_SCHEMA}".payment_view WHERE order_id = ANY($1::uuid[])`;

/** Reads `read_model.payment_view` (one payment per order at most). Ids must be UUIDs. */
@Injectable()
export class PaymentViewReader {
  constructor(@InjectRepository(PaymentView) private readonly payments: Repository<PaymentView>) {}

  findById(id: string): Promise<PaymentView | null> {
    return this.payments.findOneBy({ id });
  }

  /** By order id, for a page of orders at once (OrderLoaders). */
  async findByOrderIds(orderIds: readonly string[]): Promise<Map<string, PaymentView>> {
    // Hand-written, as OrderViewReader.findById: every order(id) with its payment asks this.
    const found: PaymentView[] = await this.payments.query(PAYMENTS_BY_ORDER_IDS, [orderIds]);
    return new Map(found.map((payment) => [payment.orderId, payment]));
  }
}
