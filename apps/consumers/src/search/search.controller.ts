import { Controller } from '@nestjs/common';
import { Ctx } from '@nestjs/microservices';
import { TOPICS } from '@app/events';
import { ConsumerPattern, ConsumerRuntime, type EventHandlerFn, type KafkaBatchContext } from '@app/messaging';
import { dispatchByType } from '../shared/event-handler';
import { IndexOrderAwaitingPayment } from './order-awaiting-payment.handler';
import { IndexOrderCancelled } from './order-cancelled.handler';
import { IndexOrderConfirmed } from './order-confirmed.handler';
import { IndexOrderCreated } from './order-created.handler';
import { ProductAddedHandler } from './product-added.handler';
import { SEARCH } from './search.consumer';
import { IndexUserRegistered } from './user-registered.handler';

/** StockAdjusted and the reservation events are skipped: no indexed field comes from them. */
@Controller()
export class SearchController {
  private readonly users: EventHandlerFn;
  private readonly inventory: EventHandlerFn;
  private readonly orders: EventHandlerFn;

  constructor(
    private readonly runtime: ConsumerRuntime,
    userRegistered: IndexUserRegistered,
    productAdded: ProductAddedHandler,
    orderCreated: IndexOrderCreated,
    orderAwaitingPayment: IndexOrderAwaitingPayment,
    orderConfirmed: IndexOrderConfirmed,
    orderCancelled: IndexOrderCancelled,
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
