import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserRegistered, type EventEnvelope } from '@app/events';
import { READ_MODEL_SCHEMA as S } from '@app/read-model';
import type { EventHandler } from '../shared/event-handler';
import { queryPrepared, statement } from '../shared/prepared-statement';
import { allButId, type UpsertColumn, versionGuardedUpsert } from '../shared/version-guarded-upsert';

const COLUMNS: UpsertColumn[] = [{ name: 'id' }, { name: 'email' }, { name: 'name' }, { name: 'role' }, { name: 'registered_at', cast: 'timestamptz' }, { name: 'version' }];
const USER_VIEW_UPSERT = statement(versionGuardedUpsert(`"${S}"."user_view"`, COLUMNS, allButId(COLUMNS)));

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
