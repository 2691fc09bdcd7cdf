import type { ClientBase } from 'pg';
import { fieldGuardedUpdateMany, type TypedGuardedColumn } from '../../shared/field-guarded-update';
import type { OrderViewChanges } from '../order-view-update';

/** order_view's field-guarded columns, keyed by the field of OrderViewChanges that sets each. */
const GUARDED: readonly (TypedGuardedColumn & { field: keyof OrderViewChanges | 'updatedAt' })[] = [
  { field: 'status', column: 'status', type: 'text' },
  { field: 'lines', column: 'lines', type: 'jsonb' },
  { field: 'totalCents', column: 'total_cents', type: 'int' },
  { field: 'cancellationReason', column: 'cancellation_reason', type: 'text' },
  { field: 'updatedAt', column: 'updated_at', type: 'timestamptz' },
];

type Set = { value: unknown; version: number };

/**
 * A batch's later order events, folded per order as updateOrderView would apply them one by one:
 * each column keeps the value of the highest version that set it. Written in one statement.
 */
export class OrderViewUpdates {
  private readonly rows = new Map<string, { version: number; sets: Map<string, Set> }>();

  add(orderId: string, version: number, changes: OrderViewChanges & { updatedAt: string }): void {
    const row = this.rows.get(orderId) ?? { version: 0, sets: new Map<string, Set>() };
    row.version = Math.max(row.version, version);
    for (const [field, value] of Object.entries(changes)) {
      if ((row.sets.get(field)?.version ?? 0) < version) row.sets.set(field, { value, version });
    }
    this.rows.set(orderId, row);
  }

  /** Applies them to `table`; resolves with how many orders it did not find (their OrderCreated is missing). */
  async flush(db: ClientBase, table: string): Promise<number> {
    if (!this.rows.size) return 0;
    const rows = [...this.rows.values()];
    const params: unknown[] = [[...this.rows.keys()], rows.map((r) => r.version)];
    for (const { field, type } of GUARDED) {
      const sets = rows.map((r) => r.sets.get(field));
      params.push(sets.map((s) => (s === undefined ? null : type === 'jsonb' ? JSON.stringify(s.value) : s.value)));
      params.push(sets.map((s) => s?.version ?? null));
    }
    const { rowCount } = await db.query(fieldGuardedUpdateMany(table, 'id', GUARDED), params);
    return rows.length - (rowCount ?? 0);
  }
}
