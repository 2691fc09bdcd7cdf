import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Ctx } from '@nestjs/microservices';
import { type EventEnvelope, TOPICS } from '@app/events';
import { ConsumerPattern, ConsumerRuntime, type KafkaBatchContext } from '@app/messaging';
import { commandsFor, OrderFulfilmentSaga } from './order-fulfilment.saga';
import { ORDER_SAGA_INVENTORY, ORDER_SAGA_ORDERS, ORDER_SAGA_PAYMENTS } from './order-saga.consumer';
import { receivedEvent } from './received-event';

@Controller()
export class OrderSagaController {
  // Deliberately not a provider: CqrsModule would subscribe it to the in-memory EventBus, which
  // runs a saga's commands fire-and-forget.
  private readonly saga = new OrderFulfilmentSaga();

  constructor(
    private readonly runtime: ConsumerRuntime,
    private readonly commandBus: CommandBus,
  ) {}

  @ConsumerPattern(ORDER_SAGA_INVENTORY, TOPICS.inventory)
  onInventoryEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, (event) => this.react(event));
  }

  @ConsumerPattern(ORDER_SAGA_PAYMENTS, TOPICS.payments)
  onPaymentEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, (event) => this.react(event));
  }

  @ConsumerPattern(ORDER_SAGA_ORDERS, TOPICS.orders)
  onOrderEvent(@Ctx() ctx: KafkaBatchContext) {
    return this.runtime.process(ctx, (event) => this.react(event));
  }

  /**
   * In order and awaited: the event settles only once every command succeeded; a failure makes the
   * runtime retry the whole step, then dead-letter it. Commands commit on their own (not in the
   * runtime's transaction): the deadline must be stored before the payment request leaves.
   */
  private async react(envelope: EventEnvelope): Promise<void> {
    for (const command of await commandsFor(this.saga, receivedEvent(envelope))) await this.commandBus.execute(command);
  }
}
