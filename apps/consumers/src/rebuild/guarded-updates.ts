import type { ClientBase } from 'pg';
import { fieldGuardedUpdateMany, type TypedGuardedColumn } from '../shared/field-guarded-update';

/** A field-guarded column and the key of the changes object that sets it. */
export type FoldedColumn = TypedGuardedColumn & { field: string };

type Set = { value: unknown; version: number };

/**
 * A batch's later events of field-guarded rows (order_view, fact_orders), folded per row as
 * fieldGuardedUpdate would apply them one by one: each column keeps the value of the highest
 * version that set it. Written in one statement (fieldGuardedUpdateMany).
 */
export class GuardedUpdates {
  private readonly rows = new Map<string, { version: number; sets: Map<string, Set> }>();

  constructor(
    private readonly columns: readonly FoldedColumn[],
    private readonly keyColumn: string,
  ) {}

  add(key: string, version: number, changes: Record<string, unknown>): void {
    const row = this.rows.get(key) ?? { version: 0, sets: new Map<string, Set>() };
    row.version = Math.max(row.version, version);
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined && (row.sets.get(field)?.version ?? 0) < version) row.sets.set(field, { value, version });
    }
    this.rows.set(key, row);
  }

  /** Applies them to `table`; resolves with how many rows it did not find (their first event is missing). */
  async flush(db: ClientBase, table: string): Promise<number> {
    if (!this.rows.size) return 0;
    const rows = [...this.rows.values()];
    const params: unknown[] = [[...this.rows.keys()], rows.map((r) => r.version)];
    for (const { field, type } of this.columns) {
      const sets = rows.map((r) => r.sets.get(field));
      params.push(sets.map((s) => (s === undefined ? null : type === 'jsonb' ? JSON.stringify(s.value) : s.value)));
      params.push(sets.map((s) => s?.version ?? null));
    }
    const { rowCount } = await db.query(fieldGuardedUpdateMany(table, this.keyColumn, this.columns), params);
    return rows.length - (rowCount ?? 0);
  }
}
