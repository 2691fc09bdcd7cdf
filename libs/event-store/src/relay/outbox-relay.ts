import { Logger } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { PoolClient } from 'pg';
import { Doorbell } from '@app/messaging';
import type { EventStore } from '../event-store';
import { notifyChannel } from '../notify-channel';
import type { Checkpoint } from '../read-all';
import { RelayPublisher } from './relay-publisher';
import { RelayCheckpoints } from './relay-checkpoints';

export interface RelayOptions {
  /** Names this relay's checkpoint and leader lock; one relay per name publishes at a time. */
  name: string;
  batchSize?: number;
  /** Fallback poll when idle and no NOTIFY arrives (e.g. the LISTEN connection missed one). */
  pollIntervalMs?: number;
  /** Longest wait between looks while an append in flight holds events back (see Batch.held). */
  heldPollMaxMs?: number;
  /** How often a standby replica tries to take over the leader lock. */
  standbyRetryMs?: number;
}

/** First look again while an append in flight holds the horizon (then doubling to heldPollMaxMs). */
const HELD_FIRST_WAIT_MS = 10;

/**
 * Publishes the event table (the outbox) to Kafka in commit-safe order. The leader holds a
 * session advisory lock on its own connection; the checkpoint is written on that connection
 * after the broker acked (acks=all), so a crash republishes at most one batch (consumers dedupe).
 */
export class OutboxRelay {
  private readonly log: Logger;
  private readonly checkpoints: RelayCheckpoints;
  private readonly publisher: RelayPublisher;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly standbyRetryMs: number;
  private readonly heldPollMaxMs: number;
  private running = false;
  private loop?: Promise<void>;
  /** Rung by NOTIFY and by stop(). */
  private readonly bell = new Doorbell();
  /** Published events since start (for health and tests). */
  published = 0;
  leader = false;
  checkpoint?: Checkpoint;

  constructor(
    private readonly store: EventStore,
    private readonly producer: Producer,
    private readonly options: RelayOptions,
  ) {
    this.log = new Logger(`Relay:${store.schema}`);
    this.checkpoints = new RelayCheckpoints(store.schema);
    this.publisher = new RelayPublisher(store, producer, options.name, this.log);
    this.batchSize = options.batchSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.standbyRetryMs = options.standbyRetryMs ?? 2000;
    this.heldPollMaxMs = options.heldPollMaxMs ?? 50;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.bell.ring();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let client: PoolClient | undefined;
      try {
        client = await this.store.pool.connect();
        // A checked-out client has no 'error' listener of the pool's: a server ending the
        // connection while the relay sleeps (restart, terminated backend) would crash the process.
        // Noted and woken instead; the next query fails, and this loop connects again.
        client.on('error', (err: Error) => {
          this.log.warn(`relay connection lost: ${err.message}`);
          this.bell.ring();
        });
        if (await this.becomeLeader(client)) await this.lead(client);
        else await this.bell.waitForRing(this.standbyRetryMs);
      } catch (err) {
        this.log.error(`relay failed, retrying: ${err.message}`);
        await this.bell.waitForRing(this.standbyRetryMs);
      } finally {
        this.leader = false;
        // Close (not just release) the connection: that drops its LISTEN and the leader lock.
        client?.release(true);
      }
    }
  }

  private async becomeLeader(client: PoolClient): Promise<boolean> {
    const res = await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS got', [`relay:${this.store.schema}:${this.options.name}`]);
    return res.rows[0].got === true;
  }

  private async lead(client: PoolClient): Promise<void> {
    this.leader = true;
    client.on('notification', () => this.bell.ring());
    await client.query(`LISTEN "${notifyChannel(this.store.schema)}"`);
    let cp = await this.checkpoints.load(client, this.options.name);
    this.checkpoint = cp;
    this.log.log(`leading from position ${cp.position} (xid range ${cp.lowerXid}..${cp.upperXid})`);
    let heldWaitMs = HELD_FIRST_WAIT_MS;
    while (this.running) {
      this.bell.clear();
      const batch = await this.store.readAll(cp, this.batchSize);
      if (batch.events.length) this.published += await this.publisher.publish(batch.events, client);
      cp = this.checkpoint = batch.checkpoint;
      // Stored after publishing, and only then: an empty range moved past needs no write (after a
      // crash the relay walks it again, finding nothing), and a write per wake-up would cost a
      // transaction per poll.
      if (batch.events.length) await this.checkpoints.save(client, this.options.name, cp);
      if (batch.events.length === this.batchSize) continue;
      if (batch.held) {
        // The holder's commit NOTIFYs (appends and declarations both do), but a rollback does
        // not: look again soon, backing off. Not at once: each look costs the lock-table query,
        // and a holder usually commits (and rings) within a few ms.
        await this.bell.waitForRing(heldWaitMs);
        heldWaitMs = Math.min(heldWaitMs * 2, this.heldPollMaxMs);
        continue;
      }
      heldWaitMs = HELD_FIRST_WAIT_MS;
      if (!batch.events.length) await this.bell.waitForRing(this.pollIntervalMs);
    }
  }
}
