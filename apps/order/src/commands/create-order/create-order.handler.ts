import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRejected, type CreateOrderResult } from '@app/commands';
import { isUniqueViolation } from '@app/database';
import { parseStreamId } from '@app/events';
import { Order } from '../../domain/order.aggregate';
import { OrderRepository } from '../../domain/order.repository';
import { ORDER_SETTINGS, type OrderSettings } from '../../order-settings';
import { OrderRequests } from '../../persistence/order-requests';
import { PaymentTokens } from '../../persistence/payment-tokens';
import { OrderSagaRepository } from '../../sagas/order-saga.repository';
import { fromCommand } from '../append-context';
import { CreateOrderCommand } from './create-order.command';

/** Thrown to roll back: an earlier attempt of this command (same commandId) created an order. */
class AlreadyCreated extends Error {
  constructor(readonly orderId: string) {
    super(`this command already created order ${orderId}`);
  }
}

@CommandHandler(CreateOrderCommand)
export class CreateOrderHandler implements ICommandHandler<CreateOrderCommand> {
  constructor(
    private readonly orders: OrderRepository,
    private readonly requests: OrderRequests,
    private readonly tokens: PaymentTokens,
    private readonly sagas: OrderSagaRepository,
    @Inject(ORDER_SETTINGS) private readonly settings: OrderSettings,
  ) {}

  /** Key row, token, the saga with its deadline and OrderCreated commit together, or not at all. */
  async execute({ input, issuedBy: { userId }, meta }: CreateOrderCommand): Promise<CreateOrderResult> {
    const key = input.idempotencyKey;
    const earlier = key && (await this.requests.find(userId, key));
    if (earlier) return this.orders.createdResult(earlier);
    const order = Order.create(randomUUID(), userId, input.lines);
    try {
      return await this.orders.store.transaction(async (tx) => {
        const limit = this.settings.openOrdersPerCustomer;
        if ((await this.sagas.countOpenOf(tx, userId)) >= limit) {
          throw new CommandRejected('RATE_LIMITED', `at most ${limit} orders may wait for stock or payment at once; retry when one is confirmed or cancelled`);
        }
        if (key) await this.requests.insert(tx, userId, key, order.id);
        await this.tokens.insert(tx, order.id, input.paymentToken);
        await this.sagas.open(tx, order.id, userId, meta.correlationId, this.settings.orderDeadlineMs);
        const appended = (await this.orders.save(order, { tx, ...fromCommand(meta, userId) }))!;
        if (appended.duplicate) throw new AlreadyCreated(parseStreamId(appended.streamId).id);
        return { orderId: order.id, result: { aggregateId: order.id, version: appended.version, position: appended.position } };
      });
    } catch (err) {
      if (err instanceof AlreadyCreated) return this.orders.createdResult(err.orderId);
      // Another attempt with this key committed first (a double submit, a retry racing the first).
      const winner = key && isUniqueViolation(err) && (await this.requests.find(userId, key));
      if (winner) return this.orders.createdResult(winner);
      throw err;
    }
  }
}
