import { Injectable } from '@nestjs/common';
import type { ClientBase } from 'pg';
import { EventStore } from '@app/event-store';
import { USER_SCHEMA as S } from '../schema';

export type Role = 'CUSTOMER' | 'ADMIN';

export interface Credentials {
  userId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  commandId: string;
  createdAt: Date;
}

export const EMAIL_TAKEN = 'credentials_email_lower_uk';
export const COMMAND_SEEN = 'credentials_command_id_uk';

const COLUMNS = `user_id AS "userId", email, name, role, password_hash AS "passwordHash", command_id AS "commandId", created_at AS "createdAt"`;

/**
 * Plain `pg` on the event store's pool: the insert must share a transaction (one client) with
 * the append, and the event store speaks `pg`, not TypeORM.
 */
@Injectable()
export class CredentialsRepository {
  constructor(private readonly store: EventStore) {}

  async findByEmail(email: string): Promise<Credentials | undefined> {
    const res = await this.store.pool.query<Credentials>(`SELECT ${COLUMNS} FROM "${S}".credentials WHERE email_lower = $1`, [email.toLowerCase()]);
    return res.rows[0];
  }

  async findByCommandId(commandId: string): Promise<Credentials | undefined> {
    const res = await this.store.pool.query<Credentials>(`SELECT ${COLUMNS} FROM "${S}".credentials WHERE command_id = $1`, [commandId]);
    return res.rows[0];
  }

  /** Inserts inside the caller's transaction; returns the row as stored (with created_at). */
  async insert(tx: ClientBase, c: Omit<Credentials, 'createdAt'>): Promise<Credentials> {
    const res = await tx.query<Credentials>(
      `INSERT INTO "${S}".credentials (user_id, email, email_lower, name, role, password_hash, command_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      // Lowercased here, as in findByEmail: Postgres lower() follows the server's locale.
      [c.userId, c.email, c.email.toLowerCase(), c.name, c.role, c.passwordHash, c.commandId],
    );
    return res.rows[0];
  }

  /** Private rows and appended events in one transaction (see EventStore.transaction). */
  transaction<T>(work: (tx: ClientBase) => Promise<T>): Promise<T> {
    return this.store.transaction(work);
  }
}
