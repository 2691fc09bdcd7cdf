import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ANALYTICS_SCHEMA } from '../analytics.schema';

/** Registrations per UTC day, kept in step with fact_user_signups (same transaction). */
@Entity({ schema: ANALYTICS_SCHEMA, name: 'daily_signups' })
export class DailySignups {
  @PrimaryColumn('date')
  day: string;

  @Column('int')
  signups: number;
}
