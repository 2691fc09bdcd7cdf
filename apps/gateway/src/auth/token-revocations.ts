import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { READ_MODEL_SCHEMA as S, readModelChangeKey } from '@app/read-model';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../gateway-settings';
import { ReadModelChanges } from '../shared/read-model-changes';

const USER_KEY_PREFIX = readModelChangeKey('user_view', '');

/**
 * Who signed out everywhere, and when: user_view.tokens_revoked_before, kept in memory so that
 * checking a token stays synchronous and free. Loaded at start-up (only revocations a live token
 * can predate: younger than the token lifetime), then kept current by the read model's change
 * announcements, and reloaded whole whenever the change listener (re)connects.
 */
@Injectable()
export class TokenRevocations implements OnApplicationBootstrap {
  private readonly log = new Logger(TokenRevocations.name);
  private readonly revokedBefore = new Map<string, number>();
  private readonly listeners = new Map<string, Set<(revokedBefore: number) => void>>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ReadModelChanges,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Observe first: a revocation committed while loading is announced, not lost.
    this.changes.observe((key) => void this.changed(key));
    await this.reloadAll();
  }

  /** Ms since the epoch before which the user's tokens are refused; undefined when never. */
  revokedBeforeOf(userId: string): number | undefined {
    return this.revokedBefore.get(userId);
  }

  /** Calls `listener` each time the user signs out everywhere; returns the way to stop. */
  whenRevoked(userId: string, listener: (revokedBefore: number) => void): () => void {
    const set = this.listeners.get(userId) ?? new Set();
    this.listeners.set(userId, set.add(listener));
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  /** Reloads one user after the projection announced a change to their view. */
  async reload(userId: string): Promise<void> {
    const rows = (await this.db.query(`SELECT tokens_revoked_before FROM "${S}"."user_view" WHERE id = $1`, [userId])) as { tokens_revoked_before: Date | null }[];
    this.remember(userId, rows[0]?.tokens_revoked_before ?? null);
  }

  private async changed(key: string | undefined): Promise<void> {
    try {
      if (key === undefined) await this.reloadAll();
      else if (key.startsWith(USER_KEY_PREFIX)) await this.reload(key.slice(USER_KEY_PREFIX.length));
    } catch (error) {
      // The next announcement or reconnect loads it again; meanwhile the last known state holds.
      this.log.warn(`could not load token revocations: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async reloadAll(): Promise<void> {
    const rows = (await this.db.query(
      `SELECT id, tokens_revoked_before FROM "${S}"."user_view" WHERE tokens_revoked_before > now() - make_interval(secs => $1)`,
      [this.settings.tokenTtlSeconds],
    )) as { id: string; tokens_revoked_before: Date }[];
    for (const row of rows) this.remember(row.id, row.tokens_revoked_before);
  }

  private remember(userId: string, at: Date | null): void {
    // Revocations only move forward (GREATEST in the projection); never forget one on a stale read.
    const known = this.revokedBefore.get(userId) ?? -Infinity;
    if (!at || at.getTime() <= known) return;
    this.revokedBefore.set(userId, at.getTime());
    for (const listener of this.listeners.get(userId) ?? []) listener(at.getTime());
  }
}
