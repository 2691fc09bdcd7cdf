import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PAYMENT_SCHEMA as S } from '../schema';

/**
 * Refunds and voids. VOIDED: the order was cancelled before it was charged, so it never will be
 * (the row exists only to refuse a late processPayment). REFUNDED: charged, then given back.
 * refund_requested_at: the order was cancelled; whoever settles the charge as PROCESSED (the
 * request's handler or the reconciler) gives it back. The partial index is the reconciler's scan.
 */
export class Refunds1795400000000 implements MigrationInterface {
  name = 'Refunds1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."payments" DROP CONSTRAINT "payments_status_check"`);
    await q.query(`ALTER TABLE "${S}"."payments" ADD CONSTRAINT "payments_status_check" CHECK ("status" IN ('PENDING', 'PROCESSED', 'FAILED', 'VOIDED', 'REFUNDED'))`);
    await q.query(`ALTER TABLE "${S}"."payments" ADD COLUMN "refund_requested_at" timestamptz NULL`);
    await q.query(`
      CREATE INDEX "payments_unsettled_ix" ON "${S}"."payments" ("updated_at")
      WHERE "status" = 'PENDING' OR ("status" = 'PROCESSED' AND "refund_requested_at" IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "${S}"."payments_unsettled_ix"`);
    await q.query(`ALTER TABLE "${S}"."payments" DROP COLUMN "refund_requested_at"`);
    await q.query(`ALTER TABLE "${S}"."payments" DROP CONSTRAINT "payments_status_check"`);
    await q.query(`ALTER TABLE "${S}"."payments" ADD CONSTRAINT "payments_status_check" CHECK ("status" IN ('PENDING', 'PROCESSED', 'FAILED'))`);
  }
}
