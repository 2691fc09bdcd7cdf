import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CONTRACTS } from './catalog';
import { compareSnapshots, describeKey, snapshotOf, type ContractSnapshot } from './contract-snapshot';

// The checked-in snapshot is the published contract: consumers and stored events rely on it.
const SNAPSHOT_FILE = join(__dirname, '..', 'contracts.snapshot.json');
const published: ContractSnapshot = existsSync(SNAPSHOT_FILE) ? JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) : {};
const diff = compareSnapshots(published, snapshotOf(ALL_CONTRACTS));

describe('published event contracts', () => {
  it('no published contract has changed its schema', () => {
    const problems = diff.changed.map(
      (c) => `${describeKey(c.key)} changed: add a new version with an upcaster instead of editing a published one (first difference at ${c.at})`,
    );
    expect(problems).toEqual([]);
  });

  it('no published contract version has been removed', () => {
    const problems = diff.removed.map(
      (key) => `${describeKey(key)} was published but has no contract any more: stored events of that version could no longer be read`,
    );
    expect(problems).toEqual([]);
  });

  it('every contract is in the snapshot', () => {
    const problems = diff.added.map(
      (key) => `${describeKey(key)} has no snapshot entry: run \`npm run contracts:snapshot\` and commit libs/events/contracts.snapshot.json`,
    );
    expect(problems).toEqual([]);
  });
});
