import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ANALYTICS_SCHEMA } from '../analytics.schema';

/** One row per registered user (grain: user). `event_id` is unique too: one fact per event. */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'fact_user_signups' })
export class UserSignupFact {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('text', { name: 'event_id', unique: true })
  eventId: string;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;

  /** The UTC day of registered_at: the rollups' key. */
  @Column('date', { name: 'signup_day' })
  signupDay: string;

  @Column('text')
  role: 'CUSTOMER' | 'ADMIN';
}
