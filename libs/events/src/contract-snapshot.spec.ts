import { z } from 'zod';
import { defineEvent } from './define-event';
import { compareSnapshots, snapshotOf } from './contract-snapshot';
import { TOPICS } from './topics';

const contract = (version: number, schema: z.ZodType) =>
  class extends defineEvent({ type: 'Sample', version, topic: TOPICS.orders, aggregate: 'sample', schema }) {};

const v1 = contract(1, z.object({ a: z.string().max(10), b: z.enum(['X', 'Y']) }));

describe('compareSnapshots', () => {
  it('reports an edited schema with the JSON pointer of the first difference', () => {
    const edited = contract(1, z.object({ a: z.string().max(11), b: z.enum(['X', 'Y']) }));
    expect(compareSnapshots(snapshotOf([v1]), snapshotOf([edited])).changed).toEqual([{ key: 'Sample@1', at: '/properties/a/maxLength' }]);
  });

  it('does not treat reordered fields or enum values as a change', () => {
    const reordered = contract(1, z.object({ b: z.enum(['Y', 'X']), a: z.string().max(10) }));
    expect(compareSnapshots(snapshotOf([v1]), snapshotOf([reordered]))).toEqual({ changed: [], removed: [], added: [] });
  });

  it('reports a published version that has no contract any more', () => {
    expect(compareSnapshots(snapshotOf([v1]), {}).removed).toEqual(['Sample@1']);
  });

  it('reports a contract that is not yet in the snapshot', () => {
    const v2 = contract(2, z.object({ a: z.string() }));
    expect(compareSnapshots(snapshotOf([v1]), snapshotOf([v1, v2])).added).toEqual(['Sample@2']);
  });

  it('survives a round trip through the JSON file', () => {
    const snapshot = snapshotOf([v1]);
    expect(compareSnapshots(JSON.parse(JSON.stringify(snapshot)), snapshot).changed).toEqual([]);
  });
});
