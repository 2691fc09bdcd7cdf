import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderOwner } from '../entities/order-owner.entity';
import { OrderOwnerUnknownError } from './order-owner-unknown.error';

/** `notifications.order_owners`: the user of each order, from OrderCreated. */
@Injectable()
export class OrderOwners {
  async remember(em: EntityManager, orderId: string, userId: string): Promise<void> {
    // An order's owner never changes: a second OrderCreated for it changes nothing.
    await em.createQueryBuilder().insert().into(OrderOwner).values({ orderId, userId }).orIgnore().updateEntity(false).execute();
  }

  /** The order's user, or OrderOwnerUnknownError (retryable) when its OrderCreated was not consumed yet. */
  async of(em: EntityManager, orderId: string): Promise<string> {
    const owner = await em.findOneBy(OrderOwner, { orderId });
    if (!owner) throw new OrderOwnerUnknownError(orderId);
    return owner.userId;
  }
}
