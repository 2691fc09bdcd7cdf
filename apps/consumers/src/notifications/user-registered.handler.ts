import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserRegistered, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../shared/event-handler';
import { Delivery } from './entities/delivery.entity';
import { Recipient } from './entities/recipient.entity';

/**
 * Remembers the user's address and records a PENDING welcome email, in the event's transaction.
 * No SMTP here: MailDispatcher sends after commit (see there for why).
 */
@Injectable()
export class UserRegisteredHandler implements EventHandler<UserRegistered['payload']> {
  readonly eventType = UserRegistered.type;

  async handle(event: EventEnvelope<UserRegistered['payload']>, em: EntityManager): Promise<void> {
    const { userId, email, name } = event.payload;
    // UserRegistered opens the user's stream; when later events change the address, this table
    // will need a version guard like user_view's.
    await em.createQueryBuilder().insert().into(Recipient).values({ userId, email, name }).orIgnore().updateEntity(false).execute();
    await em
      .createQueryBuilder()
      .insert()
      .into(Delivery)
      .values({ userId, channel: 'EMAIL', template: 'WELCOME', eventId: event.eventId })
      .orIgnore()
      .updateEntity(false)
      .execute();
  }
}
