import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderConfirmed, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../../shared/event-handler';
import { NotificationRecorder } from '../recording/notification-recorder';
import { OrderOwners } from './order-owners';

@Injectable()
export class NotifyOrderConfirmedHandler implements EventHandler<OrderConfirmed['payload']> {
  readonly eventType = OrderConfirmed.type;

  constructor(
    private readonly owners: OrderOwners,
    private readonly notifications: NotificationRecorder,
  ) {}

  async handle(event: EventEnvelope<OrderConfirmed['payload']>, em: EntityManager): Promise<void> {
    const { orderId, totalCents } = event.payload;
    await this.notifications.record(em, event, {
      userId: await this.owners.of(em, orderId),
      template: 'ORDER_CONFIRMED',
      channels: ['EMAIL', 'PUSH'],
      data: { orderId, amountCents: totalCents },
      subjectId: orderId,
    });
  }
}
