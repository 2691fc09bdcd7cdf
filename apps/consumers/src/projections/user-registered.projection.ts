import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserRegistered, type EventEnvelope } from '@app/events';
import { READ_MODEL_SCHEMA as S } from '@app/read-model';
import type { EventHandler } from '../shared/event-handler';
import { queryPrepared, statement } from '../shared/prepared-statement';

// Written out rather than built by TypeORM's query builder per event, and sent as a named statement.
const USER_VIEW_UPSERT = statement(`INSERT INTO "${S}"."user_view" ("id", "email", "name", "role", "registered_at", "version")
  VALUES ($1, $2, $3, $4, $5::timestamptz, $6)
  ON CONFLICT ("id") DO UPDATE SET "email" = EXCLUDED."email", "name" = EXCLUDED."name", "role" = EXCLUDED."role",
    "registered_at" = EXCLUDED."registered_at", "version" = EXCLUDED."version"
  WHERE "user_view"."version" < EXCLUDED."version"`);

/**
 * Upserts the user's view. The version guard (`WHERE user_view.version < EXCLUDED.version`) makes
 * a replay, a duplicate or an older event arriving late a no-op instead of a rollback of newer data.
 */
@Injectable()
export class UserRegisteredProjection implements EventHandler<UserRegistered['payload']> {
  readonly eventType = UserRegistered.type;

  async handle(event: EventEnvelope<UserRegistered['payload']>, em: EntityManager): Promise<void> {
    const { userId, email, name, role } = event.payload;
    await queryPrepared(em, USER_VIEW_UPSERT, [userId, email, name, role, event.occurredAt, event.streamVersion]);
  }
}
