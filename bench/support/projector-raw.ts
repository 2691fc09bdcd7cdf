/**
 * B7's baseline: what a hand-written projector does with one fetched batch. The statements are
 * the ones the projections consumer issues for these events (their texts imported from
 * order-created.projection.ts, payment-view-upsert.ts, order-view-update.ts and event-log.ts, or
 * built as there: the per-field guarded updates, and the runtime's claim in claim-event.ts), sent
 * as named statements so each is parsed and planned once per connection. One transaction per batch.
 */
import type { KafkaMessage } from 'kafkajs';
import type { Pool } from 'pg';
import { OrderAwaitingPayment, OrderConfirmed, OrderCreated, PaymentProcessed, type EventEnvelope } from '@app/events';
import { decodeEnvelope } from '@app/messaging';
import { EVENT_LOG_INSERT } from '../../apps/consumers/src/projections/event-log';
import { ORDER_VIEW_INSERT, orderViewInsertParams } from '../../apps/consumers/src/projections/order-created.projection';
import { ORDER_VIEW_EXISTS } from '../../apps/consumers/src/projections/order-view-update';
import { PAYMENT_VIEW_UPSERT, paymentViewParams } from '../../apps/consumers/src/projections/payment-view-upsert';
import { fieldGuardedParams, fieldGuardedUpdate, type GuardedColumn } from '../../apps/consumers/src/shared/field-guarded-update';

// The per-field guarded updates of order-view-update.ts: the same builder, so the same text.
const ORDER_VIEW = '"read_model"."order_view"';
const priced = (status: string, lines: unknown, total: number, at: string): GuardedColumn[] => [
  { column: 'status', value: status },
  { column: 'lines', value: lines, cast: 'jsonb' },
  { column: 'total_cents', value: total },
  { column: 'updated_at', value: at, cast: 'timestamptz' },
];
const confirmed = (status: string, total: number, at: string): GuardedColumn[] => [
  { column: 'status', value: status },
  { column: 'total_cents', value: total },
  { column: 'updated_at', value: at, cast: 'timestamptz' },
];
const ORDER_PRICED = fieldGuardedUpdate(ORDER_VIEW, 'id', priced('', null, 0, ''));
const ORDER_CONFIRMED = fieldGuardedUpdate(ORDER_VIEW, 'id', confirmed('', 0, ''));
type Line = { sku: string; quantity: number; unitPriceCents?: number };
type Query = { name: string; text: string; values: unknown[] };
type Decoded = { event: EventEnvelope<any>; payloadJson: string };

/** The projection's statement for one event; `orderId` set when no row changed means its OrderCreated is missing. */
const project = ({ event }: Decoded): { query: Query; orderId?: string } | undefined => {
  const p = event.payload;
  const at = event.occurredAt;
  const v = event.streamVersion;
  switch (event.type) {
    case OrderCreated.type:
      return { query: { name: 'b7-order-upsert', text: ORDER_VIEW_INSERT.text, values: orderViewInsertParams(event) } };
    case OrderAwaitingPayment.type: {
      const lines = p.lines.map(({ sku, quantity, unitPriceCents }: Line) => ({ sku, quantity, unitPriceCents }));
      const values = fieldGuardedParams(p.orderId, v, priced('AWAITING_PAYMENT', lines, p.totalCents, at));
      return { query: { name: 'b7-order-priced', text: ORDER_PRICED, values }, orderId: p.orderId };
    }
    case OrderConfirmed.type:
      const values = fieldGuardedParams(p.orderId, v, confirmed('CONFIRMED', p.totalCents, at));
      return { query: { name: 'b7-order-confirmed', text: ORDER_CONFIRMED, values }, orderId: p.orderId };
    case PaymentProcessed.type:
      return { query: { name: 'b7-payment-upsert', text: PAYMENT_VIEW_UPSERT.text, values: paymentViewParams(event, { status: 'PROCESSED', failureReason: null }) } };
    default:
      return undefined;
  }
};

/** Applies one batch in one transaction; throws (rolled back, kafkajs refetches) on any failure. */
export const rawProjector = (pool: Pool, processedEventsTable: string, consumerName: string) => {
  const claim = `INSERT INTO ${processedEventsTable} ("consumer", "event_id") SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING "event_id"`;
  return async (messages: KafkaMessage[]): Promise<void> => {
    // The payload's JSON goes to the event log as it came (jsonb normalises it like a re-serialised copy).
    const decoded: Decoded[] = messages.map((m) => ({ event: decodeEnvelope(m), payloadJson: m.value!.toString() }));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ event_id: string }>({ name: 'b7-claim', text: claim, values: [consumerName, decoded.map((d) => d.event.eventId)] });
      const fresh = new Set(rows.map((r) => r.event_id));
      const logged: unknown[][] = [[], [], [], [], [], [], [], [], []];
      for (const d of decoded) {
        const e = d.event;
        if (!fresh.delete(e.eventId)) continue;
        const row = [e.eventId, e.streamId, e.streamVersion, e.position ?? '0', e.type, e.schemaVersion, d.payloadJson, JSON.stringify(e.metadata), e.occurredAt];
        row.forEach((value, i) => logged[i].push(value));
        const step = project(d);
        if (!step) continue;
        const { rowCount } = await client.query(step.query);
        if (!rowCount && step.orderId && !(await client.query({ name: 'b7-order-exists', text: ORDER_VIEW_EXISTS.text, values: [step.orderId] })).rowCount) {
          throw new Error(`${e.type} for order ${step.orderId}, which order_view does not have`);
        }
      }
      // One multi-row insert per batch, as the projector writes the log once per run (event-log.ts).
      if (logged[0].length) await client.query({ name: 'b7-event-log', text: EVENT_LOG_INSERT.text, values: logged });
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
};
