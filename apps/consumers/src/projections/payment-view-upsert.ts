import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/events';
import { READ_MODEL_SCHEMA as S, type PaymentView } from '@app/read-model';
import { queryPrepared, statement } from '../shared/prepared-statement';
import { allButId, type UpsertColumn, versionGuardedUpsert } from '../shared/version-guarded-upsert';

export type PaymentOutcome = Pick<PaymentView, 'status' | 'failureReason'>;
type PaymentEvent = EventEnvelope<{ paymentId: string; orderId: string; amountCents: number }>;

export interface UpsertOptions {
  /**
   * processed_at is when the payment settled. A later event of the payment (a refund) keeps it on
   * an existing row; only a row it has to create takes the event's time, the best there is.
   */
  keepProcessedAt?: boolean;
}

export const PAYMENT_VIEW_COLUMNS: UpsertColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'order_id', type: 'uuid' },
  { name: 'amount_cents', type: 'int' },
  { name: 'status', type: 'text' },
  { name: 'failure_reason', cast: 'text', type: 'text' },
  { name: 'processed_at', cast: 'timestamptz', type: 'timestamptz' },
  { name: 'version', type: 'int' },
];
/** What a whole-row upsert sets, and what one that keeps processed_at (a refund's) sets. */
export const PAYMENT_VIEW_UPDATED = allButId(PAYMENT_VIEW_COLUMNS);
export const PAYMENT_VIEW_UPDATED_KEEPING_PROCESSED_AT = PAYMENT_VIEW_UPDATED.filter((c) => c !== 'processed_at');
const TABLE = `"${S}"."payment_view"`;

export const PAYMENT_VIEW_UPSERT = statement(versionGuardedUpsert(TABLE, PAYMENT_VIEW_COLUMNS, PAYMENT_VIEW_UPDATED));
const PAYMENT_VIEW_UPSERT_KEEPING_PROCESSED_AT = statement(versionGuardedUpsert(TABLE, PAYMENT_VIEW_COLUMNS, PAYMENT_VIEW_UPDATED_KEEPING_PROCESSED_AT));

/** PAYMENT_VIEW_UPSERT's parameters. */
export const paymentViewParams = ({ payload: { paymentId, orderId, amountCents }, occurredAt, streamVersion }: PaymentEvent, outcome: PaymentOutcome): unknown[] => [
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
export const upsertPaymentView = async (em: EntityManager, event: PaymentEvent, outcome: PaymentOutcome, { keepProcessedAt = false }: UpsertOptions = {}): Promise<void> => {
  await queryPrepared(em, keepProcessedAt ? PAYMENT_VIEW_UPSERT_KEEPING_PROCESSED_AT : PAYMENT_VIEW_UPSERT, paymentViewParams(event, outcome));
};
