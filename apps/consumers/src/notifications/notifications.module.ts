import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CONSUMER_RUNTIME } from '../shared/consumer-runtime';
import { CONSUMERS_EVENT_STORE } from '../shared/consumers-event-store';
import { DeliveryQueue } from './dispatch/delivery-queue';
import { DeliverySignal } from './dispatch/delivery-signal';
import { MailDispatcher } from './dispatch/mail-dispatcher';
import { Mailer } from './dispatch/mailer';
import { Delivery } from './entities/delivery.entity';
import { OrderOwner } from './entities/order-owner.entity';
import { Recipient } from './entities/recipient.entity';
import { NotificationsController } from './notifications.controller';
import { NotifyOrderCancelledHandler } from './orders/notify-order-cancelled.handler';
import { NotifyOrderConfirmedHandler } from './orders/notify-order-confirmed.handler';
import { NotifyPaymentFailedHandler } from './orders/notify-payment-failed.handler';
import { OrderOwners } from './orders/order-owners';
import { RememberOrderOwnerHandler } from './orders/remember-order-owner.handler';
import { NotificationRecorder } from './recording/notification-recorder';
import { UserRegisteredHandler } from './user-registered.handler';

const EventHandlers = [UserRegisteredHandler, RememberOrderOwnerHandler, NotifyOrderConfirmedHandler, NotifyOrderCancelledHandler, NotifyPaymentFailedHandler];

/** NotificationCreated goes to the app's one event store (CONSUMERS_EVENT_STORE), whose relay publishes it. */
@Module({
  imports: [CONSUMER_RUNTIME, CONSUMERS_EVENT_STORE, TypeOrmModule.forFeature([Recipient, Delivery, OrderOwner])],
  controllers: [NotificationsController],
  providers: [...EventHandlers, NotificationRecorder, OrderOwners, DeliveryQueue, DeliverySignal, Mailer, MailDispatcher],
})
export class NotificationsModule {}
