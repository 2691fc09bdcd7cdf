import { Controller } from '@nestjs/common';
import { Ctx } from '@nestjs/microservices';
import { TOPICS } from '@app/events';
import { ConsumerPattern, ConsumerRuntime, type EventHandlerFn, type KafkaBatchContext } from '@app/messaging';
import { dispatchByType } from '../shared/event-handler';
import { INVENTORY } from './inventory.consumer';
import { ReleaseStockOnOrderCancelled } from './reservations/order-cancelled.handler';
import { CommitStockOnOrderConfirmed } from './reservations/order-confirmed.handler';
import { ReserveStockOnOrderCreated } from './reservations/order-created.handler';

@Controller()
export class InventoryController {
  private readonly apply: EventHandlerFn;

  constructor(
    private readonly runtime: ConsumerRuntime,
    orderCreated: ReserveStockOnOrderCreated,
    orderCancelled: ReleaseStockOnOrderCancelled,
    orderConfirmed: CommitStockOnOrderConfirmed,
  ) {
    this.apply = dispatchByType([orderCreated, orderCancelled, orderConfirmed]);
  }

  @ConsumerPattern(INVENTORY, TOPICS.orders)
  onOrderEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, this.apply);
  }
}
