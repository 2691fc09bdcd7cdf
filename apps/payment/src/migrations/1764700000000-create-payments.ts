import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PAYMENT_SCHEMA as S } from '../schema';

/**
 * One row per order: UNIQUE(order_id) is what makes a payment idempotent per order, even for two
 * requests racing. PENDING until the provider answers. There is no column for the card token,
 * on purpose: it is handed to the provider and forgotten.
 */
export class CreatePayments1764700000000 implements MigrationInterface {
  name = 'CreatePayments1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "${S}"."payments" (
        "payment_id"     uuid        PRIMARY KEY,
        "order_id"       uuid        NOT NULL,
        "amount_cents"   integer     NOT NULL CHECK ("amount_cents" >= 0),
        "status"         text        NOT NULL CHECK ("status" IN ('PENDING', 'PROCESSED', 'FAILED')),
        "failure_reason" text        NULL,
        "created_at"     timestamptz NOT NULL DEFAULT now(),
        -- For a PENDING row: when the latest attempt to charge began (see PaymentsRepository.claim).
        "updated_at"     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "payments_order_id_uk" UNIQUE ("order_id")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."payments"`);
  }
}
