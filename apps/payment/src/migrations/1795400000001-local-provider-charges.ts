import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PAYMENT_SCHEMA as S } from '../schema';

/** The local provider's records (see LocalChargeRecords): a real processor keeps these itself. */
export class LocalProviderCharges1795400000001 implements MigrationInterface {
  name = 'LocalProviderCharges1795400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."local_provider_charges" ("idempotency_key" text PRIMARY KEY, "outcome" jsonb NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."local_provider_charges"`);
  }
}
