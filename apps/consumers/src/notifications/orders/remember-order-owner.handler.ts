import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderCreated, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../../shared/event-handler';
import { OrderOwners } from './order-owners';

/**
 * No mail for a new order (its outcome follows soon); only who owns it. OrderCreated is on the
 * same topic and key as the order's later events, so it is always applied before them.
 */
@Injectable()
export class RememberOrderOwnerHandler implements EventHandler<OrderCreated['payload']> {
  readonly eventType = OrderCreated.type;

  constructor(private readonly owners: OrderOwners) {}

  async handle(event: EventEnvelope<OrderCreated['payload']>, em: EntityManager): Promise<void> {
    await this.owners.remember(em, event.payload.orderId, event.payload.userId);
  }
}
