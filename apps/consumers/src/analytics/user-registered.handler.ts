import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserRegistered, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../shared/event-handler';
import { ANALYTICS_SCHEMA as S } from './analytics.schema';

/**
 * Adds the signup fact and counts it in its day's rollup, in one statement: the rollup is bumped
 * only when the fact row was actually inserted, so replaying the topic from offset 0 (or the same
 * user under another event id) leaves every figure as it was.
 */
@Injectable()
export class RecordUserRegistered implements EventHandler<UserRegistered['payload']> {
  readonly eventType = UserRegistered.type;

  async handle(event: EventEnvelope<UserRegistered['payload']>, em: EntityManager): Promise<void> {
    const { userId, role } = event.payload;
    await em.query(
      `WITH fact AS (
         INSERT INTO "${S}"."fact_user_signups" (user_id, event_id, registered_at, signup_day, role)
         VALUES ($1, $2, $3::timestamptz, ($3::timestamptz AT TIME ZONE 'UTC')::date, $4)
         ON CONFLICT DO NOTHING
         RETURNING signup_day
       )
       INSERT INTO "${S}"."daily_signups" (day, signups)
       SELECT signup_day, 1 FROM fact
       ON CONFLICT (day) DO UPDATE SET signups = "daily_signups".signups + EXCLUDED.signups`,
      [userId, event.eventId, event.occurredAt, role],
    );
  }
}
