import { Controller } from '@nestjs/common';
import { Ctx } from '@nestjs/microservices';
import { TOPICS } from '@app/events';
import { ConsumerPattern, ConsumerRuntime, type EventHandlerFn, type KafkaBatchContext } from '@app/messaging';
import { dispatchByType } from '../shared/event-handler';
import { OrderAwaitingPaymentHandler } from './order-awaiting-payment.handler';
import { OrderCancelledHandler } from './order-cancelled.handler';
import { OrderConfirmedHandler } from './order-confirmed.handler';
import { OrderCreatedHandler } from './order-created.handler';
import { ProductAddedHandler } from './product-added.handler';
import { SEARCH } from './search.consumer';
import { UserRegisteredHandler } from './user-registered.handler';

/** StockAdjusted and the reservation events are skipped: no indexed field comes from them. */
@Controller()
export class SearchController {
  private readonly users: EventHandlerFn;
  private readonly inventory: EventHandlerFn;
  private readonly orders: EventHandlerFn;

  constructor(
    private readonly runtime: ConsumerRuntime,
    userRegistered: UserRegisteredHandler,
    productAdded: ProductAddedHandler,
    orderCreated: OrderCreatedHandler,
    orderAwaitingPayment: OrderAwaitingPaymentHandler,
    orderConfirmed: OrderConfirmedHandler,
    orderCancelled: OrderCancelledHandler,
  ) {
    this.users = dispatchByType([userRegistered]);
    this.inventory = dispatchByType([productAdded]);
    this.orders = dispatchByType([orderCreated, orderAwaitingPayment, orderConfirmed, orderCancelled]);
  }

  @ConsumerPattern(SEARCH, TOPICS.users)
  onUserEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.users);
  }

  @ConsumerPattern(SEARCH, TOPICS.inventory)
  onInventoryEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.inventory);
  }

  @ConsumerPattern(SEARCH, TOPICS.orders)
  onOrderEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.orders);
  }
}
