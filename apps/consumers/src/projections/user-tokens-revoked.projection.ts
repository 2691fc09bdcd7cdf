import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserTokensRevoked, type EventEnvelope } from '@app/events';
import { READ_MODEL_SCHEMA as S } from '@app/read-model';
import type { EventHandler } from '../shared/event-handler';
import { queryPrepared, statement } from '../shared/prepared-statement';

// GREATEST keeps the latest revocation whatever order replays arrive in; the version moves only forward.
const REVOKE = statement(`
  UPDATE "${S}"."user_view"
  SET tokens_revoked_before = GREATEST(tokens_revoked_before, $2::timestamptz), version = GREATEST(version, $3)
  WHERE id = $1`);

/** REVOKE for many users of `table` at once (a rebuild's batch): ids, times and versions as arrays, ids distinct. */
export const revokeMany = (table: string) => `
  UPDATE ${table} AS t SET tokens_revoked_before = GREATEST(t.tokens_revoked_before, d.before), version = GREATEST(t.version, d.version)
  FROM unnest($1::uuid[], $2::timestamptz[], $3::int[]) AS d(id, before, version) WHERE t.id = d.id`;

/** Carries a sign-out-everywhere to user_view, whose change announcement reaches every gateway. */
@Injectable()
export class UserTokensRevokedProjection implements EventHandler<UserTokensRevoked['payload']> {
  readonly eventType = UserTokensRevoked.type;

  async handle(event: EventEnvelope<UserTokensRevoked['payload']>, em: EntityManager): Promise<void> {
    await queryPrepared(em, REVOKE, [event.payload.userId, event.payload.revokedBefore, event.streamVersion]);
  }
}
