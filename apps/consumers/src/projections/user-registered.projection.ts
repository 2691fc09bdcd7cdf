import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserRegistered, type EventEnvelope } from '@app/events';
import { READ_MODEL_SCHEMA as S } from '@app/read-model';
import type { EventHandler } from '../shared/event-handler';
import { queryPrepared, statement } from '../shared/prepared-statement';
import { allButId, type UpsertColumn, versionGuardedUpsert } from '../shared/version-guarded-upsert';

export const USER_VIEW_COLUMNS: UpsertColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'email', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'role', type: 'text' },
  { name: 'registered_at', cast: 'timestamptz', type: 'timestamptz' },
  { name: 'version', type: 'int' },
];
const USER_VIEW_UPSERT = statement(versionGuardedUpsert(`"${S}"."user_view"`, USER_VIEW_COLUMNS, allButId(USER_VIEW_COLUMNS)));

/** USER_VIEW_COLUMNS' values for the event (the live handler and a rebuild alike). */
export const userViewParams = ({ payload: { userId, email, name, role }, occurredAt, streamVersion }: EventEnvelope<UserRegistered['payload']>): unknown[] => [
  userId,
  email,
  name,
  role,
  occurredAt,
  streamVersion,
];

/**
 * Upserts the user's view. The version guard (`WHERE user_view.version < EXCLUDED.version`) makes
 * a replay, a duplicate or an older event arriving late a no-op instead of a rollback of newer data.
 */
@Injectable()
export class UserRegisteredProjection implements EventHandler<UserRegistered['payload']> {
  readonly eventType = UserRegistered.type;

  async handle(event: EventEnvelope<UserRegistered['payload']>, em: EntityManager): Promise<void> {
    await queryPrepared(em, USER_VIEW_UPSERT, userViewParams(event));
  }
}
