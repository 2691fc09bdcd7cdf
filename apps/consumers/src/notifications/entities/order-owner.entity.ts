import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NOTIFICATIONS_SCHEMA } from '../notifications.schema';

/** Whose order it is, kept from OrderCreated: later order and payment events carry only the order id. */
@Entity({ schema: NOTIFICATIONS_SCHEMA, name: 'order_owners' })
export class OrderOwner {
  @PrimaryColumn('uuid', { name: 'order_id' })
  orderId: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;
}
