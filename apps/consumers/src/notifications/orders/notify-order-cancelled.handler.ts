import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCancelled, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../../shared/event-handler';
import { NotificationRecorder } from '../recording/notification-recorder';
import { OrderOwners } from './order-owners';

/** Every cancellation is announced, the customer's own included (a receipt of it). */
@Injectable()
export class NotifyOrderCancelledHandler implements EventHandler<OrderCancelled['payload']> {
  readonly eventType = OrderCancelled.type;

  constructor(
    private readonly owners: OrderOwners,
    private readonly notifications: NotificationRecorder,
  ) {}

  async handle(event: EventEnvelope<OrderCancelled['payload']>, em: EntityManager): Promise<void> {
    const { orderId, reason } = event.payload;
    await this.notifications.record(em, event, {
      userId: await this.owners.of(em, orderId),
      template: 'ORDER_CANCELLED',
      channels: ['EMAIL', 'PUSH'],
      // `detail` stays out: it is free text for support, not for a mail kept forever.
      data: { orderId, reason },
      subjectId: orderId,
    });
  }
}
