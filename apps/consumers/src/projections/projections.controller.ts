import { Controller } from '@nestjs/common';
import { Ctx } from '@nestjs/microservices';
import { TOPICS } from '@app/events';
import { ConsumerPattern, ConsumerRuntime, type EventHandlerFn, type KafkaBatchContext } from '@app/messaging';
import { dispatchByType, type EventHandler } from '../shared/event-handler';
import { appendToEventLog } from './event-log';
import { OrderAwaitingPaymentProjection } from './order-awaiting-payment.projection';
import { OrderCancelledProjection } from './order-cancelled.projection';
import { OrderConfirmedProjection } from './order-confirmed.projection';
import { OrderCreatedProjection } from './order-created.projection';
import { PaymentFailedProjection } from './payment-failed.projection';
import { PaymentProcessedProjection } from './payment-processed.projection';
import { PaymentRefundedProjection } from './payment-refunded.projection';
import { PROJECTIONS } from './projections.consumer';
import { UserRegisteredProjection } from './user-registered.projection';
import { UserTokensRevokedProjection } from './user-tokens-revoked.projection';

/**
 * Every event of a topic goes to the event log, and to its view's projection when it has one,
 * in one transaction: the history and the views never disagree about what was applied.
 */
const logAndProject = (handlers: readonly EventHandler[]): EventHandlerFn => {
  const project = dispatchByType(handlers);
  return async (event, em, run) => {
    appendToEventLog(em, event, run);
    await project(event, em, run);
  };
};

@Controller()
export class ProjectionsController {
  private readonly users: EventHandlerFn;
  private readonly orders: EventHandlerFn;
  private readonly payments: EventHandlerFn;
  // product_view is written by the inventory module itself (see ProductView): history only.
  private readonly inventory = logAndProject([]);

  constructor(
    private readonly runtime: ConsumerRuntime,
    userRegistered: UserRegisteredProjection,
    userTokensRevoked: UserTokensRevokedProjection,
    orderCreated: OrderCreatedProjection,
    orderAwaitingPayment: OrderAwaitingPaymentProjection,
    orderConfirmed: OrderConfirmedProjection,
    orderCancelled: OrderCancelledProjection,
    paymentProcessed: PaymentProcessedProjection,
    paymentFailed: PaymentFailedProjection,
    paymentRefunded: PaymentRefundedProjection,
  ) {
    this.users = logAndProject([userRegistered, userTokensRevoked]);
    // OrderRefunded changes nothing order_view shows (the payment's status is in payment_view): history only.
    this.orders = logAndProject([orderCreated, orderAwaitingPayment, orderConfirmed, orderCancelled]);
    this.payments = logAndProject([paymentProcessed, paymentFailed, paymentRefunded]);
  }

  @ConsumerPattern(PROJECTIONS, TOPICS.users)
  onUserEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.users);
  }

  @ConsumerPattern(PROJECTIONS, TOPICS.orders)
  onOrderEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.orders);
  }

  @ConsumerPattern(PROJECTIONS, TOPICS.payments)
  onPaymentEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.payments);
  }

  @ConsumerPattern(PROJECTIONS, TOPICS.inventory)
  onInventoryEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.inventory);
  }
}
