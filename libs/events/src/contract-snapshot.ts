import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import type { EventContract } from './define-event';

// Tooling for contracts.spec.ts and scripts/contracts-snapshot.ts; not exported from the index.

export type ContractSnapshot = Record<string, unknown>;

export interface SnapshotDiff {
  /** Published `type@version` whose schema is no longer what was published. */
  changed: { key: string; at: string }[];
  /** Published `type@version` with no contract any more. */
  removed: string[];
  /** Contracts not yet in the snapshot. */
  added: string[];
}

// JSON Schema treats these arrays as sets; sorting them (and every object's keys) means that
// reordering fields in the source is not reported as a contract change.
const SET_ARRAYS = new Set(['required', 'enum']);

const canonical = (value: unknown, key?: string): unknown => {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    if (!key || !SET_ARRAYS.has(key)) return items;
    return items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(obj).sort().map((k) => [k, canonical(obj[k], k)]));
  }
  return value;
};

export const snapshotOf = (contracts: readonly EventContract<any>[]): ContractSnapshot =>
  canonical(Object.fromEntries(contracts.map((c) => [`${c.type}@${c.version}`, z.toJSONSchema(c.schema)]))) as ContractSnapshot;

/** JSON pointer of the first place where `a` and `b` differ. */
const firstDifference = (a: unknown, b: unknown, at = ''): string => {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return at || '/';
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const key = keys.find((k) => !isDeepStrictEqual((a as any)[k], (b as any)[k]));
  return key === undefined ? at || '/' : firstDifference((a as any)[key], (b as any)[key], `${at}/${key}`);
};

export const compareSnapshots = (published: ContractSnapshot, current: ContractSnapshot): SnapshotDiff => ({
  changed: Object.keys(current)
    .filter((key) => key in published && !isDeepStrictEqual(published[key], current[key]))
    .map((key) => ({ key, at: firstDifference(published[key], current[key]) })),
  removed: Object.keys(published).filter((key) => !(key in current)),
  added: Object.keys(current).filter((key) => !(key in published)),
});

/** `OrderCreated@1` -> `OrderCreated v1`. */
export const describeKey = (key: string): string => key.replace(/@(\d+)$/, ' v$1');
