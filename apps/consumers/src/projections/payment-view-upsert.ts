import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/events';
import { READ_MODEL_SCHEMA as S, type PaymentView } from '@app/read-model';
import { queryPrepared, statement } from '../shared/prepared-statement';

type Outcome = Pick<PaymentView, 'status' | 'failureReason'>;
type PaymentEvent = EventEnvelope<{ paymentId: string; orderId: string; amountCents: number }>;

export interface UpsertOptions {
  /**
   * processed_at is when the payment settled. A later event of the payment (a refund) keeps it on
   * an existing row; only a row it has to create takes the event's time, the best there is.
   */
  keepProcessedAt?: boolean;
}

const COLUMNS = ['order_id', 'amount_cents', 'status', 'failure_reason', 'processed_at', 'version'];

// Written out once per variant rather than built by TypeORM's query builder per event (B7).
const upsert = (updated: string[]) => `INSERT INTO "${S}"."payment_view" ("id", "order_id", "amount_cents", "status", "failure_reason", "processed_at", "version")
  VALUES ($1, $2, $3, $4, $5::text, $6::timestamptz, $7)
  ON CONFLICT ("id") DO UPDATE SET ${updated.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ')}
  WHERE "payment_view"."version" < EXCLUDED."version"`;

export const PAYMENT_VIEW_UPSERT = statement(upsert(COLUMNS));
const PAYMENT_VIEW_UPSERT_KEEPING_PROCESSED_AT = statement(upsert(COLUMNS.filter((c) => c !== 'processed_at')));

/** PAYMENT_VIEW_UPSERT's parameters. */
export const paymentViewParams = ({ payload: { paymentId, orderId, amountCents }, occurredAt, streamVersion }: PaymentEvent, outcome: Outcome): unknown[] => [
  paymentId,
  orderId,
  amountCents,
  outcome.status,
  outcome.failureReason,
  occurredAt,
  streamVersion,
];

/**
 * Upserts a payment's row with the version guard. Each outcome event carries the whole payment,
 * so an insert never depends on an earlier event: payment events are keyed by payment id and may
 * arrive before the order's own events, which is why payments have a view of their own.
 */
export const upsertPaymentView = async (em: EntityManager, event: PaymentEvent, outcome: Outcome, { keepProcessedAt = false }: UpsertOptions = {}): Promise<void> => {
  await queryPrepared(em, keepProcessedAt ? PAYMENT_VIEW_UPSERT_KEEPING_PROCESSED_AT : PAYMENT_VIEW_UPSERT, paymentViewParams(event, outcome));
};
