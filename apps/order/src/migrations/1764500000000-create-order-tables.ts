import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ORDER_SCHEMA as S } from '../schema';

/**
 * What the order service keeps beside its event store:
 * - order_requests: the idempotency key a client sent with createOrder, per user, so that the
 *   same key twice yields the same order;
 * - payment_tokens: the card token, private to this service (events are kept forever and read
 *   by every consumer, so it never goes into one);
 * - order_sagas: the fulfilment saga's state, so that a restart finds deadlines it must enforce.
 *   `order_version` makes a stale writer unable to overwrite a newer state.
 */
export class CreateOrderTables1764500000000 implements MigrationInterface {
  name = 'CreateOrderTables1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "${S}"."order_requests" (
        "user_id"         text        NOT NULL,
        "idempotency_key" text        NOT NULL,
        "order_id"        uuid        NOT NULL,
        "created_at"      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "order_requests_pk" PRIMARY KEY ("user_id", "idempotency_key")
      )`);
    await q.query(`
      CREATE TABLE "${S}"."payment_tokens" (
        "order_id"   uuid        PRIMARY KEY,
        "token"      text        NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "${S}"."order_sagas" (
        "order_id"       uuid        PRIMARY KEY,
        "state"          text        NOT NULL,
        "total_cents"    bigint,
        "payment_id"     uuid,
        "deadline_at"    timestamptz,
        "order_version"  integer     NOT NULL,
        "correlation_id" text,
        "updated_at"     timestamptz NOT NULL DEFAULT now()
      )`);
    // The deadline scheduler's scan, every half second: only sagas still waiting for a payment.
    await q.query(`CREATE INDEX "order_sagas_due_ix" ON "${S}"."order_sagas" ("deadline_at") WHERE "state" = 'AWAITING_PAYMENT'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."order_sagas"`);
    await q.query(`DROP TABLE "${S}"."payment_tokens"`);
    await q.query(`DROP TABLE "${S}"."order_requests"`);
  }
}
