import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserRegistered, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../shared/event-handler';
import { Recipient } from './entities/recipient.entity';
import { NotificationRecorder } from './recording/notification-recorder';

/**
 * Remembers the user's address and records a PENDING welcome email, in the event's transaction.
 * No SMTP here: MailDispatcher sends after commit (see there for why). No in-app push: the user
 * cannot be subscribed yet.
 */
@Injectable()
export class NotifyUserRegistered implements EventHandler<UserRegistered['payload']> {
  readonly eventType = UserRegistered.type;

  constructor(private readonly notifications: NotificationRecorder) {}

  async handle(event: EventEnvelope<UserRegistered['payload']>, em: EntityManager): Promise<void> {
    const { userId, email, name } = event.payload;
    // UserRegistered opens the user's stream; when later events change the address, this table
    // will need a version guard like user_view's.
    await em.createQueryBuilder().insert().into(Recipient).values({ userId, email, name }).orIgnore().updateEntity(false).execute();
    await this.notifications.record(em, event, { userId, template: 'WELCOME', channels: ['EMAIL'], subjectId: null });
  }
}
