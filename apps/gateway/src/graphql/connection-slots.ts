import { Inject, Injectable, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { pgConnectionOptions, SERVICE_ROLES } from '@app/database';

/**
 * A user's open websockets, counted across every gateway replica. Each socket holds one of the
 * user's slots (0 .. limit-1): a PostgreSQL session-level advisory lock keyed by the user and the
 * slot, taken on this replica's one slot session. A slot another replica holds is a lock of its
 * session, so taking it here fails; a replica that dies loses its session, and with it its
 * slots: nothing is ever left counted, and no table is needed (the gateway writes no table).
 * Advisory locks are reentrant within a session, so this replica remembers which slots it holds
 * and never asks for one of them again.
 */
@Injectable()
export class ConnectionSlots implements OnModuleDestroy {
  private readonly logger = new Logger(ConnectionSlots.name);
  /** The slots this replica's session holds, per user. */
  private readonly held = new Map<string, Set<number>>();
  /** Slots being asked for right now (`user slot`), so two sockets opening at once try different ones. */
  private readonly asking = new Set<string>();
  private session?: Promise<Client>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** A free slot of `userId`'s `limit`, now held by this replica; undefined when all are taken. */
  async acquire(userId: string, limit: number): Promise<number | undefined> {
    for (let slot = 0; slot < limit; slot++) {
      const asked = `${userId} ${slot}`;
      if (this.held.get(userId)?.has(slot) || this.asking.has(asked)) continue;
      this.asking.add(asked);
      try {
        if (!(await this.lock(userId, slot))) continue;
      } finally {
        this.asking.delete(asked);
      }
      this.held.set(userId, (this.held.get(userId) ?? new Set<number>()).add(slot));
      return slot;
    }
    return undefined;
  }

  async release(userId: string, slot: number): Promise<void> {
    const mine = this.held.get(userId);
    if (!mine?.delete(slot)) return;
    if (!mine.size) this.held.delete(userId);
    const session = await this.session?.catch(() => undefined);
    // A lost session already let go of every lock it held.
    await session?.query('SELECT pg_advisory_unlock(hashtextextended($1, $2))', [key(userId), slot]).catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    const session = await this.session?.catch(() => undefined);
    this.session = undefined;
    await session?.end().catch(() => undefined);
  }

  private async lock(userId: string, slot: number): Promise<boolean> {
    const session = await this.connect();
    const { rows } = await session.query<{ got: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, $2)) AS got', [key(userId), slot]);
    return rows[0].got;
  }

  /** The slot session, opened on first use; a lost one is replaced, and takes back the slots held here. */
  private connect(): Promise<Client> {
    this.session ??= (async () => {
      const client = new Client({ connectionString: this.config.databaseUrl, ...pgConnectionOptions(this.config, 'gateway-connection-slots', undefined, SERVICE_ROLES.gateway) });
      client.on('error', (error: Error) => {
        this.logger.warn(`slot session lost (${error.message}); its slots are taken again on the next connection`);
        this.session = undefined;
      });
      await client.connect();
      for (const [userId, slots] of this.held) {
        for (const slot of slots) await client.query('SELECT pg_try_advisory_lock(hashtextextended($1, $2))', [key(userId), slot]);
      }
      return client;
    })().catch((error: unknown) => {
      this.session = undefined;
      throw error;
    });
    return this.session;
  }
}

/** One 64-bit lock key per (user, slot): the slot seeds the hash of the user's key. */
const key = (userId: string): string => `websocket:${userId}`;

/** For GraphQLModule.forRootAsync's factory, which sees only what its own imports export. */
@Module({ providers: [ConnectionSlots], exports: [ConnectionSlots] })
export class ConnectionSlotsModule {}
