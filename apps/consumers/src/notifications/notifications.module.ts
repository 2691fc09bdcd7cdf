import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventStoreModule } from '@app/event-store';
import { CONSUMER_RUNTIME } from '../shared/consumer-runtime';
import { DeliveryQueue } from './dispatch/delivery-queue';
import { DeliverySignal } from './dispatch/delivery-signal';
import { MailDispatcher } from './dispatch/mail-dispatcher';
import { Mailer } from './dispatch/mailer';
import { Delivery } from './entities/delivery.entity';
import { OrderOwner } from './entities/order-owner.entity';
import { Recipient } from './entities/recipient.entity';
import { NotificationsController } from './notifications.controller';
import { NOTIFICATIONS_SCHEMA } from './notifications.schema';
import { NotifyOrderCancelledHandler } from './orders/notify-order-cancelled.handler';
import { NotifyOrderConfirmedHandler } from './orders/notify-order-confirmed.handler';
import { NotifyPaymentFailedHandler } from './orders/notify-payment-failed.handler';
import { NotifyPaymentRefundedHandler } from './orders/notify-payment-refunded.handler';
import { OrderOwners } from './orders/order-owners';
import { RememberOrderOwnerHandler } from './orders/remember-order-owner.handler';
import { NotificationRecorder } from './recording/notification-recorder';
import { NotifyUserRegistered } from './user-registered.handler';
import { SERVICE_ROLES } from '@app/database';

const EventHandlers = [
  NotifyUserRegistered,
  RememberOrderOwnerHandler,
  NotifyOrderConfirmedHandler,
  NotifyOrderCancelledHandler,
  NotifyPaymentFailedHandler,
  NotifyPaymentRefundedHandler,
];

/**
 * NotificationCreated goes to an event store of its own (schema notifications, with its relay):
 * sharing inventory's, every notification transaction held back the inventory relay, and with it
 * the InventoryReserved that an order waits for.
 */
@Module({
  imports: [CONSUMER_RUNTIME, EventStoreModule.forService({ schema: NOTIFICATIONS_SCHEMA, role: SERVICE_ROLES.consumers }), TypeOrmModule.forFeature([Recipient, Delivery, OrderOwner])],
  controllers: [NotificationsController],
  providers: [...EventHandlers, NotificationRecorder, OrderOwners, DeliveryQueue, DeliverySignal, Mailer, MailDispatcher],
})
export class NotificationsModule {}
