import { Controller } from '@nestjs/common';
import { Ctx } from '@nestjs/microservices';
import { TOPICS } from '@app/events';
import { ConsumerPattern, ConsumerRuntime, type EventHandlerFn, type KafkaBatchContext } from '@app/messaging';
import { dispatchByType } from '../shared/event-handler';
import { ANALYTICS } from './analytics.consumer';
import { RecordOrderAwaitingPayment, RecordOrderCancelled, RecordOrderConfirmed, RecordOrderCreated } from './orders';
import { RecordUserRegistered } from './user-registered.handler';

@Controller()
export class AnalyticsController {
  private readonly users: EventHandlerFn;
  private readonly orders: EventHandlerFn;

  constructor(
    private readonly runtime: ConsumerRuntime,
    userRegistered: RecordUserRegistered,
    orderCreated: RecordOrderCreated,
    orderAwaitingPayment: RecordOrderAwaitingPayment,
    orderConfirmed: RecordOrderConfirmed,
    orderCancelled: RecordOrderCancelled,
  ) {
    this.users = dispatchByType([userRegistered]);
    this.orders = dispatchByType([orderCreated, orderAwaitingPayment, orderConfirmed, orderCancelled]);
  }

  @ConsumerPattern(ANALYTICS, TOPICS.users)
  onUserEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.users);
  }

  @ConsumerPattern(ANALYTICS, TOPICS.orders)
  onOrderEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.orders);
  }
}
