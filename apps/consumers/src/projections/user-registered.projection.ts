import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserRegistered, type EventEnvelope } from '@app/events';
import { UserView } from '@app/read-model';
import type { EventHandler } from '../shared/event-handler';

/**
 * Upserts the user's view. The version guard (`WHERE user_view.version < EXCLUDED.version`) makes
 * a replay, a duplicate or an older event arriving late a no-op instead of a rollback of newer data.
 */
@Injectable()
export class UserRegisteredProjection implements EventHandler<UserRegistered['payload']> {
  readonly eventType = UserRegistered.type;

  async handle(event: EventEnvelope<UserRegistered['payload']>, em: EntityManager): Promise<void> {
    const { userId, email, name, role } = event.payload;
    await em
      .createQueryBuilder()
      .insert()
      .into(UserView)
      .values({ id: userId, email, name, role, registeredAt: new Date(event.occurredAt), version: event.streamVersion })
      .orUpdate(['email', 'name', 'role', 'registered_at', 'version'], ['id'], {
        overwriteCondition: { where: '"user_view"."version" < EXCLUDED."version"' },
      })
      .updateEntity(false)
      .execute();
  }
}
