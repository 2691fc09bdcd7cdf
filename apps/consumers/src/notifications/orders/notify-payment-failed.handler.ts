import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PaymentFailed, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../../shared/event-handler';
import { NotificationRecorder } from '../recording/notification-recorder';
import { OrderOwners } from './order-owners';

/**
 * PaymentFailed comes on payments.events, so nothing orders it after the order's OrderCreated
 * (orders.events). In practice that one was consumed long before: the payment is requested only
 * after inventory reacted to it. If not (this consumer catching up on a backlog), owners.of()
 * throws OrderOwnerUnknownError and the runtime retries this event with backoff while the
 * OrderCreated, on a partition consumed alongside (NOTIFICATIONS_SERVER), is applied. A PaymentFailed
 * for an order that never existed is dead-lettered after the last attempt.
 */
@Injectable()
export class NotifyPaymentFailedHandler implements EventHandler<PaymentFailed['payload']> {
  readonly eventType = PaymentFailed.type;

  constructor(
    private readonly owners: OrderOwners,
    private readonly notifications: NotificationRecorder,
  ) {}

  async handle(event: EventEnvelope<PaymentFailed['payload']>, em: EntityManager): Promise<void> {
    const { orderId, amountCents, reason } = event.payload;
    await this.notifications.record(em, event, {
      userId: await this.owners.of(em, orderId),
      template: 'PAYMENT_FAILED',
      channels: ['EMAIL', 'PUSH'],
      data: { orderId, amountCents, reason },
      subjectId: orderId,
    });
  }
}
