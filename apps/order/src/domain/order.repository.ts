import { Injectable } from '@nestjs/common';
import type { CommandResult, CreateOrderResult } from '@app/commands';
import { AggregateRepository, type AppendOptions, type AppendResult, ConcurrencyError, EventStore } from '@app/event-store';
import { streamIdOf } from '@app/events';
import { Order } from './order.aggregate';

/** Loads past a concurrent writer this often before giving up (the caller retries or dead-letters). */
const CONFLICT_ATTEMPTS = 4;

@Injectable()
export class OrderRepository {
  private readonly aggregates: AggregateRepository<Order>;

  constructor(readonly store: EventStore) {
    this.aggregates = new AggregateRepository(store, (id) => new Order(id));
  }

  load(orderId: string): Promise<Order | undefined> {
    return this.aggregates.load(orderId);
  }

  save(order: Order, opts: AppendOptions): Promise<AppendResult | undefined> {
    return this.aggregates.save(order, opts);
  }

  /**
   * Load, decide, save. When another writer got there first (ConcurrencyError), the decision is
   * taken again on the fresh state: the saga, the deadline and the customer may race for an order.
   * Undefined when the order does not exist.
   */
  async change(orderId: string, decide: (order: Order) => void, opts: AppendOptions): Promise<Order | undefined> {
    for (let attempt = 1; ; attempt++) {
      const order = await this.load(orderId);
      if (!order) return undefined;
      decide(order);
      try {
        await this.save(order, opts);
        return order;
      } catch (err) {
        if (!(err instanceof ConcurrencyError) || attempt >= CONFLICT_ATTEMPTS) throw err;
      }
    }
  }

  /** Where the order's stream stood when `order` was loaded or saved (also when nothing new was appended). */
  async resultOf(order: Order): Promise<CommandResult> {
    const [at] = await this.store.readStream(order.streamId, order.version - 1);
    return { aggregateId: order.id, version: at.streamVersion, position: at.position! };
  }

  /** The createOrder reply of an order created earlier: its OrderCreated event. */
  async createdResult(orderId: string): Promise<CreateOrderResult> {
    const [created] = await this.store.readStream(streamIdOf('order', orderId));
    if (!created) throw new Error(`order ${orderId} has no events`);
    return { orderId, result: { aggregateId: orderId, version: created.streamVersion, position: created.position! } };
  }
}
