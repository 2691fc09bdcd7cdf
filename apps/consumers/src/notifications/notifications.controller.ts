import { Controller } from '@nestjs/common';
import { Ctx } from '@nestjs/microservices';
import { TOPICS } from '@app/events';
import { ConsumerPattern, ConsumerRuntime, type EventHandlerFn, type KafkaBatchContext } from '@app/messaging';
import { dispatchByType } from '../shared/event-handler';
import { NOTIFICATIONS } from './notifications.consumer';
import { NotifyOrderCancelledHandler } from './orders/notify-order-cancelled.handler';
import { NotifyOrderConfirmedHandler } from './orders/notify-order-confirmed.handler';
import { NotifyPaymentFailedHandler } from './orders/notify-payment-failed.handler';
import { RememberOrderOwnerHandler } from './orders/remember-order-owner.handler';
import { UserRegisteredHandler } from './user-registered.handler';

@Controller()
export class NotificationsController {
  private readonly applyUserEvent: EventHandlerFn;
  private readonly applyOrderEvent: EventHandlerFn;
  private readonly applyPaymentEvent: EventHandlerFn;

  constructor(
    private readonly runtime: ConsumerRuntime,
    userRegistered: UserRegisteredHandler,
    orderCreated: RememberOrderOwnerHandler,
    orderConfirmed: NotifyOrderConfirmedHandler,
    orderCancelled: NotifyOrderCancelledHandler,
    paymentFailed: NotifyPaymentFailedHandler,
  ) {
    this.applyUserEvent = dispatchByType([userRegistered]);
    this.applyOrderEvent = dispatchByType([orderCreated, orderConfirmed, orderCancelled]);
    this.applyPaymentEvent = dispatchByType([paymentFailed]);
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
