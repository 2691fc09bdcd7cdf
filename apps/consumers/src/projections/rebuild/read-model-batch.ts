import type { ClientBase } from 'pg';
import {
  OrderAwaitingPayment,
  OrderCancelled,
  OrderConfirmed,
  OrderCreated,
  PaymentFailed,
  PaymentProcessed,
  PaymentRefunded,
  UserRegistered,
  UserTokensRevoked,
  type EventEnvelope,
} from '@app/events';
import { allButId, versionGuardedUpsertMany } from '../../shared/version-guarded-upsert';
import { eventLogInsert, eventLogParams } from '../event-log';
import { orderAwaitingPaymentViewChanges } from '../order-awaiting-payment.projection';
import { orderCancelledViewChanges } from '../order-cancelled.projection';
import { orderConfirmedViewChanges } from '../order-confirmed.projection';
import { ORDER_VIEW_COLUMNS, orderViewInsertParams } from '../order-created.projection';
import type { OrderViewChanges } from '../order-view-update';
import { paymentFailedOutcome } from '../payment-failed.projection';
import { paymentProcessedOutcome } from '../payment-processed.projection';
import { paymentRefundedOutcome } from '../payment-refunded.projection';
import { PAYMENT_VIEW_COLUMNS, PAYMENT_VIEW_UPDATED_KEEPING_PROCESSED_AT, paymentViewParams, type PaymentOutcome } from '../payment-view-upsert';
import { USER_VIEW_COLUMNS, userViewParams } from '../user-registered.projection';
import { revokeMany } from '../user-tokens-revoked.projection';
import { decoded } from '../../rebuild/decoded';
import type { RebuildBatch } from '../../rebuild/table-rebuild';
import { type FoldedColumn, GuardedUpdates } from '../../rebuild/guarded-updates';

/** The tables a batch writes: quoted, qualified names (the successors while copying, the live ones in the swap). */
export interface ReadModelTables {
  userView: string;
  orderView: string;
  paymentView: string;
  eventLog: string;
}

/** The live projections' rule per order update (one copy of each, in the projection's file). */
const ORDER_CHANGES: Record<string, (event: EventEnvelope<any>) => OrderViewChanges> = {
  [OrderAwaitingPayment.type]: orderAwaitingPaymentViewChanges,
  [OrderConfirmed.type]: orderConfirmedViewChanges,
  [OrderCancelled.type]: orderCancelledViewChanges,
};
const PAYMENT_OUTCOMES: Record<string, (event: EventEnvelope<any>) => PaymentOutcome> = {
  [PaymentProcessed.type]: paymentProcessedOutcome,
  [PaymentFailed.type]: paymentFailedOutcome,
  [PaymentRefunded.type]: paymentRefundedOutcome,
};
/** order_view's field-guarded columns, keyed by the field of OrderViewChanges that sets each. */
const ORDER_VIEW_GUARDED: readonly FoldedColumn[] = [
  { field: 'status', column: 'status', type: 'text' },
  { field: 'lines', column: 'lines', type: 'jsonb' },
  { field: 'totalCents', column: 'total_cents', type: 'int' },
  { field: 'cancellationReason', column: 'cancellation_reason', type: 'text' },
  { field: 'updatedAt', column: 'updated_at', type: 'timestamptz' },
];
const PROCESSED_AT = PAYMENT_VIEW_COLUMNS.findIndex((c) => c.name === 'processed_at');

interface PaymentFold { event: EventEnvelope<any>; outcome: PaymentOutcome; refund: boolean; settledAt?: string }

/** Rows as one array per column, the shape unnest takes. */
const columnsOf = (rows: unknown[][], width: number) => Array.from({ length: width }, (_, i) => rows.map((r) => r[i]));
const keepNewest = <T extends { version: number }>(map: Map<string, T>, key: string, next: T) => {
  const had = map.get(key);
  if (!had || had.version < next.version) map.set(key, next);
};

/**
 * One batch of stored events applied to the read model's tables in a handful of statements (a
 * rebuild's unit of work), with the live projections' rules: their per-event functions, and the
 * same guards in their many-row form. The guards make the order of application irrelevant (each
 * row or column keeps what its highest version set), so a batch folds each row's events first
 * and writes each table once. Order updates whose row is missing (an OrderCreated the store does
 * not have) are counted, as the live consumer would dead-letter them.
 */
export class ReadModelBatch implements RebuildBatch {
  private readonly events: EventEnvelope[] = [];
  private readonly users = new Map<string, { params: unknown[]; version: number }>();
  private readonly revocations = new Map<string, { before: string; version: number }>();
  private readonly creates = new Map<string, { params: unknown[]; version: number }>();
  private readonly updates = new GuardedUpdates(ORDER_VIEW_GUARDED, 'id');
  private readonly payments = new Map<string, PaymentFold>();
  private undecodable = 0;

  constructor(private readonly tables: ReadModelTables) {}

  /** Stored events are as written: upcast like the live consumer does with what Kafka brings. */
  add(stored: EventEnvelope): void {
    const event = decoded(stored);
    if (!event) return void this.undecodable++;
    this.events.push(event);
    const { type, payload, streamVersion: version } = event;
    if (type === UserRegistered.type) keepNewest(this.users, payload.userId, { params: userViewParams(event), version });
    else if (type === UserTokensRevoked.type) this.revoke(payload.userId, payload.revokedBefore, version);
    else if (type === OrderCreated.type) keepNewest(this.creates, payload.orderId, { params: orderViewInsertParams(event), version });
    else if (ORDER_CHANGES[type]) this.updates.add(payload.orderId, version, { ...ORDER_CHANGES[type](event), updatedAt: event.occurredAt });
    else if (PAYMENT_OUTCOMES[type]) this.pay(event);
  }

  /** Writes the batch in the caller's transaction; resolves with the events it skipped (see decoded) and the updates that found no order. */
  async flush(db: ClientBase): Promise<number> {
    const { tables } = this;
    if (this.events.length) await db.query(eventLogInsert(tables.eventLog), eventLogParams(this.events));
    await this.upsert(db, tables.userView, USER_VIEW_COLUMNS, allButId(USER_VIEW_COLUMNS), [...this.users.values()].map((u) => u.params));
    if (this.revocations.size) {
      const rows = [...this.revocations].map(([id, r]) => [id, r.before, r.version]);
      await db.query(revokeMany(tables.userView), columnsOf(rows, 3));
    }
    await this.upsert(db, tables.orderView, ORDER_VIEW_COLUMNS, allButId(ORDER_VIEW_COLUMNS), [...this.creates.values()].map((c) => c.params));
    const missing = await this.updates.flush(db, tables.orderView);
    const payments = [...this.payments.values()];
    const row = (p: PaymentFold) => paymentViewParams(p.event, p.outcome).map((v, i) => (i === PROCESSED_AT && p.settledAt ? p.settledAt : v));
    const whole = payments.filter((p) => !p.refund || p.settledAt);
    await this.upsert(db, tables.paymentView, PAYMENT_VIEW_COLUMNS, allButId(PAYMENT_VIEW_COLUMNS), whole.map(row));
    const refundsOnly = payments.filter((p) => p.refund && !p.settledAt);
    await this.upsert(db, tables.paymentView, PAYMENT_VIEW_COLUMNS, PAYMENT_VIEW_UPDATED_KEEPING_PROCESSED_AT, refundsOnly.map(row));
    return missing + this.undecodable;
  }

  private revoke(userId: string, before: string, version: number): void {
    const had = this.revocations.get(userId);
    const later = !had || Date.parse(before) > Date.parse(had.before) ? before : had.before;
    this.revocations.set(userId, { before: later, version: Math.max(version, had?.version ?? 0) });
  }

  /** The payment's newest event; a refund's row keeps when it was settled, from an earlier event of this batch when there is one. */
  private pay(event: EventEnvelope<any>): void {
    const id = event.payload.paymentId as string;
    const had = this.payments.get(id);
    const refund = event.type === PaymentRefunded.type;
    const settledAt = refund ? had?.settledAt ?? (had && !had.refund ? had.event.occurredAt : undefined) : undefined;
    if (!had || had.event.streamVersion < event.streamVersion) this.payments.set(id, { event, outcome: PAYMENT_OUTCOMES[event.type](event), refund, settledAt });
    else if (had.refund && !refund && !had.settledAt) had.settledAt = event.occurredAt;
  }

  private async upsert(db: ClientBase, table: string, columns: typeof USER_VIEW_COLUMNS, updated: string[], rows: unknown[][]): Promise<void> {
    if (rows.length) await db.query(versionGuardedUpsertMany(table, columns, updated), columnsOf(rows, columns.length));
  }
}
