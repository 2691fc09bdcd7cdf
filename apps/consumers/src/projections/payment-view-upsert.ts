import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/events';
import { PaymentView } from '@app/read-model';

type Outcome = Pick<PaymentView, 'status' | 'failureReason'>;

export interface UpsertOptions {
  /**
   * processed_at is when the payment settled. A later event of the payment (a refund) keeps it on
   * an existing row; only a row it has to create takes the event's time, the best there is.
   */
  keepProcessedAt?: boolean;
}

const COLUMNS = ['order_id', 'amount_cents', 'status', 'failure_reason', 'processed_at', 'version'];

/**
 * Upserts a payment's row with the version guard. Each outcome event carries the whole payment,
 * so an insert never depends on an earlier event: payment events are keyed by payment id and may
 * arrive before the order's own events, which is why payments have a view of their own.
 */
export const upsertPaymentView = async (
  em: EntityManager,
  event: EventEnvelope<{ paymentId: string; orderId: string; amountCents: number }>,
  outcome: Outcome,
  { keepProcessedAt = false }: UpsertOptions = {},
): Promise<void> => {
  const { paymentId, orderId, amountCents } = event.payload;
  await em
    .createQueryBuilder()
    .insert()
    .into(PaymentView)
    .values({ id: paymentId, orderId, amountCents, ...outcome, processedAt: new Date(event.occurredAt), version: event.streamVersion })
    .orUpdate(keepProcessedAt ? COLUMNS.filter((c) => c !== 'processed_at') : COLUMNS, ['id'], {
      overwriteCondition: { where: '"payment_view"."version" < EXCLUDED."version"' },
    })
    .updateEntity(false)
    .execute();
};
