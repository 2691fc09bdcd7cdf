import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NOTIFICATIONS_SCHEMA } from '../notifications.schema';

/** Where to reach a user, kept from UserRegistered; later events (orders) only carry the user id. */
@Entity({ schema: NOTIFICATIONS_SCHEMA, name: 'recipients' })
export class Recipient {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('text')
  email: string;

  @Column('text')
  name: string;
}
