import { Injectable } from '@nestjs/common';
import { EventStore } from '@app/event-store';
import { PAYMENT_SCHEMA as S } from '../schema';
import type { LookupOutcome } from './payment-provider';

/**
 * What the local provider has charged, by idempotency key: the stand-in for a processor's own
 * records, which a real processor keeps for us. Shared by every process of the payment service
 * (replicas, restarts), so a lookup never says NONE for a charge another process made.
 */
export abstract class LocalChargeRecords {
  abstract find(key: string): Promise<LookupOutcome | undefined>;
  /** Stores `outcome` unless a final one is stored (PENDING may be replaced); answers what is stored. */
  abstract save(key: string, outcome: LookupOutcome): Promise<LookupOutcome>;
}

/** In the payment schema (payments.local_provider_charges, migration 1795400000001). */
@Injectable()
export class PgLocalChargeRecords extends LocalChargeRecords {
  constructor(private readonly store: EventStore) {
    super();
  }

  async find(key: string): Promise<LookupOutcome | undefined> {
    const res = await this.store.pool.query<{ outcome: LookupOutcome }>(`SELECT outcome FROM "${S}".local_provider_charges WHERE idempotency_key = $1`, [key]);
    return res.rows[0]?.outcome;
  }

  async save(key: string, outcome: LookupOutcome): Promise<LookupOutcome> {
    const res = await this.store.pool.query<{ outcome: LookupOutcome }>(
      `INSERT INTO "${S}".local_provider_charges AS c (idempotency_key, outcome) VALUES ($1, $2::jsonb)
       ON CONFLICT (idempotency_key) DO UPDATE SET outcome = EXCLUDED.outcome WHERE c.outcome ->> 'outcome' = 'PENDING' RETURNING outcome`,
      [key, JSON.stringify(outcome)],
    );
    return res.rows[0]?.outcome ?? (await this.find(key))!;
  }
}
