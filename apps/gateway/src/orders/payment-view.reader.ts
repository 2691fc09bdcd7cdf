import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { PaymentView } from '@app/read-model';

/** Reads `read_model.payment_view` (one payment per order at most). Ids must be UUIDs. */
@Injectable()
export class PaymentViewReader {
  constructor(@InjectRepository(PaymentView) private readonly payments: Repository<PaymentView>) {}

  findById(id: string): Promise<PaymentView | null> {
    return this.payments.findOneBy({ id });
  }

  /** By order id, for a page of orders at once (OrderLoaders). */
  async findByOrderIds(orderIds: readonly string[]): Promise<Map<string, PaymentView>> {
    const found = await this.payments.findBy({ orderId: In([...orderIds]) });
    return new Map(found.map((payment) => [payment.orderId, payment]));
  }
}
