import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PaymentRefunded, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../../shared/event-handler';
import { NotificationRecorder } from '../recording/notification-recorder';
import { OrderOwners } from './order-owners';

/**
 * Like PaymentFailed, PaymentRefunded comes on payments.events, unordered with the order's
 * OrderCreated; it follows the order's cancellation, so the owner is known by then. If not (a
 * backlog), owners.of() throws OrderOwnerUnknownError and the runtime retries until it is.
 */
@Injectable()
export class NotifyPaymentRefundedHandler implements EventHandler<PaymentRefunded['payload']> {
  readonly eventType = PaymentRefunded.type;

  constructor(
    private readonly owners: OrderOwners,
    private readonly notifications: NotificationRecorder,
  ) {}

  async handle(event: EventEnvelope<PaymentRefunded['payload']>, em: EntityManager): Promise<void> {
    const { orderId, amountCents } = event.payload;
    await this.notifications.record(em, event, {
      userId: await this.owners.of(em, orderId),
      template: 'PAYMENT_REFUNDED',
      channels: ['EMAIL', 'PUSH'],
      data: { orderId, amountCents },
      subjectId: orderId,
    });
  }
}
