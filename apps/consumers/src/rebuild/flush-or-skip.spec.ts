import type { ClientBase } from 'pg';
import type { EventEnvelope } from '@app/events';
import { flushOrSkip } from './flush-or-skip';
import type { TableRebuildSpec } from './table-rebuild-spec';

/** A model whose batches fail when they hold a Poison event, recording what each flush wrote. */
const model = () => {
  const written: string[][] = [];
  const spec: TableRebuildSpec = {
    name: 'fake',
    schema: 's',
    tables: ['t'],
    batch: () => {
      const events: EventEnvelope[] = [];
      return {
        add: (e) => void events.push(e),
        flush: async () => {
          if (events.some((e) => e.type === 'Poison')) throw new Error('value out of range');
          written.push(events.map((e) => e.eventId));
          return 0;
        },
      };
    },
  };
  const statements: string[] = [];
  const db = { query: async (text: string) => void statements.push(text) } as unknown as ClientBase;
  return { spec, db, written, statements };
};
const event = (eventId: string, type = 'OrderCreated') => ({ eventId, type }) as EventEnvelope;

describe('flushOrSkip (one poison event never fails a rebuild)', () => {
  it('writes a good batch in one flush, under a savepoint it releases', async () => {
    const { spec, db, written, statements } = model();
    expect(await flushOrSkip(db, spec, (t) => t, [event('a'), event('b')])).toBe(0);
    expect(written).toEqual([['a', 'b']]);
    expect(statements).toEqual(['SAVEPOINT rebuild_batch', 'RELEASE SAVEPOINT rebuild_batch']);
  });

  it('rolls a failed batch back, applies its events one by one, and skips (counts) only the one the tables refuse', async () => {
    const { spec, db, written, statements } = model();
    expect(await flushOrSkip(db, spec, (t) => t, [event('a'), event('x', 'Poison'), event('b')])).toBe(1);
    expect(written).toEqual([['a'], ['b']]);
    expect(statements.slice(0, 2)).toEqual(['SAVEPOINT rebuild_batch', 'ROLLBACK TO SAVEPOINT rebuild_batch']);
    expect(statements.filter((s) => s === 'ROLLBACK TO SAVEPOINT rebuild_event')).toHaveLength(1);
  });
});
