import { Controller } from '@nestjs/common';
import { Ctx } from '@nestjs/microservices';
import { TOPICS } from '@app/events';
import { ConsumerPattern, ConsumerRuntime, type EventHandlerFn, type KafkaBatchContext } from '@app/messaging';
import { dispatchByType } from '../shared/event-handler';
import { NOTIFICATIONS } from './notifications.consumer';
import { NotifyOrderCancelledHandler } from './orders/notify-order-cancelled.handler';
import { NotifyOrderConfirmedHandler } from './orders/notify-order-confirmed.handler';
import { NotifyPaymentFailedHandler } from './orders/notify-payment-failed.handler';
import { NotifyPaymentRefundedHandler } from './orders/notify-payment-refunded.handler';
import { RememberOrderOwnerHandler } from './orders/remember-order-owner.handler';
import { NotifyUserRegistered } from './user-registered.handler';

@Controller()
export class NotificationsController {
  private readonly applyUserEvent: EventHandlerFn;
  private readonly applyOrderEvent: EventHandlerFn;
  private readonly applyPaymentEvent: EventHandlerFn;

  constructor(
    private readonly runtime: ConsumerRuntime,
    userRegistered: NotifyUserRegistered,
    orderCreated: RememberOrderOwnerHandler,
    orderConfirmed: NotifyOrderConfirmedHandler,
    orderCancelled: NotifyOrderCancelledHandler,
    paymentFailed: NotifyPaymentFailedHandler,
    paymentRefunded: NotifyPaymentRefundedHandler,
  ) {
    this.applyUserEvent = dispatchByType([userRegistered]);
    // OrderRefunded is not mailed: the payment's own PaymentRefunded is, with its amount.
    this.applyOrderEvent = dispatchByType([orderCreated, orderConfirmed, orderCancelled]);
    this.applyPaymentEvent = dispatchByType([paymentFailed, paymentRefunded]);
  }

  @ConsumerPattern(NOTIFICATIONS, TOPICS.users)
  onUserEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.applyUserEvent);
  }

  @ConsumerPattern(NOTIFICATIONS, TOPICS.orders)
  onOrderEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.applyOrderEvent);
  }

  @ConsumerPattern(NOTIFICATIONS, TOPICS.payments)
  onPaymentEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.applyPaymentEvent);
  }
}
