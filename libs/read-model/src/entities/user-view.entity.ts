import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';

/** A registered user as the gateway shows it (no credentials: those stay in the user service). */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'user_view' })
export class UserView {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text')
  role: 'CUSTOMER' | 'ADMIN';

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;

  /** Tokens issued before this are refused (the user signed out everywhere); null when never. */
  @Column('timestamptz', { name: 'tokens_revoked_before', nullable: true })
  tokensRevokedBefore: Date | null;

  /** The stream version last applied: projections upsert only when newer (replays are harmless). */
  @Column('int')
  version: number;
}
