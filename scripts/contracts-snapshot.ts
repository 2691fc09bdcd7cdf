/**
 * Writes libs/events/contracts.snapshot.json, the published JSON Schema of every event contract.
 * New contracts are added freely; changing or dropping a published one is refused unless
 * `--force`, because stored events and running consumers still depend on it.
 *
 *   npm run contracts:snapshot [-- --force]
 */
// First: development mode, before any module reads the settings.
import './dev-mode';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_CONTRACTS } from '../libs/events/src/catalog';
import { compareSnapshots, describeKey, snapshotOf, type ContractSnapshot } from '../libs/events/src/contract-snapshot';

const FILE = join(__dirname, '..', 'libs', 'events', 'contracts.snapshot.json');
const force = process.argv.includes('--force');

const published: ContractSnapshot = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};
const current = snapshotOf(ALL_CONTRACTS);
const { changed, removed, added } = compareSnapshots(published, current);

if ((changed.length > 0 || removed.length > 0) && !force) {
  for (const c of changed) console.error(`${describeKey(c.key)} differs from its published schema at ${c.at}`);
  for (const key of removed) console.error(`${describeKey(key)} is published but has no contract any more`);
  console.error(
    'Refusing to overwrite published contracts. Add a new version with an upcaster instead.\n' +
      'Use --force only for a version that was never released (no stored events, no consumers).',
  );
  process.exit(1);
}

writeFileSync(FILE, `${JSON.stringify(current, null, 2)}\n`);
console.log(
  `${FILE}: ${Object.keys(current).length} contracts (${added.length} added` +
    (force ? `, ${changed.length} overwritten, ${removed.length} dropped by --force)` : ')'),
);
