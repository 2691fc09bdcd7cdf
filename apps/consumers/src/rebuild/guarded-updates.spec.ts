import type { ClientBase } from 'pg';
import { GuardedUpdates } from './guarded-updates';

/** A stand-in for pg that records the one statement's parameters and answers `found` rows. */
const recorder = (found: number) => {
  const calls: unknown[][] = [];
  const db = { query: async (_text: string, params: unknown[]) => (calls.push(params), { rowCount: found }) } as unknown as ClientBase;
  return { db, calls };
};

describe('GuardedUpdates (a rebuild batch folding field-guarded rows)', () => {
  const columns = [
    { field: 'status', column: 'status', type: 'text' as const },
    { field: 'lines', column: 'lines', type: 'jsonb' as const },
  ];

  it('keeps, per column, the value of the highest version that set it, whatever order the events came in', async () => {
    const updates = new GuardedUpdates(columns, 'id');
    updates.add('o1', 3, { status: 'CONFIRMED' });
    updates.add('o1', 2, { status: 'AWAITING_PAYMENT', lines: [{ sku: 'A' }] });
    const { db, calls } = recorder(1);
    expect(await updates.flush(db, 't')).toBe(0);
    expect(calls).toEqual([[['o1'], [3], ['CONFIRMED'], [3], [JSON.stringify([{ sku: 'A' }])], [2]]]);
  });

  it('sends null for a column no event set, and counts the rows the table did not have', async () => {
    const updates = new GuardedUpdates(columns, 'id');
    updates.add('o1', 2, { status: 'CANCELLED', lines: undefined });
    updates.add('o2', 2, { status: 'CONFIRMED' });
    const { db, calls } = recorder(1);
    expect(await updates.flush(db, 't')).toBe(1);
    expect(calls[0].slice(4)).toEqual([[null, null], [null, null]]);
  });

  it('writes nothing for an empty batch', async () => {
    const { db, calls } = recorder(0);
    expect(await new GuardedUpdates(columns, 'id').flush(db, 't')).toBe(0);
    expect(calls).toEqual([]);
  });
});
