/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn (each against the real services, which
 * this runner starts and stops like `npm test`). Each benchmark prints one line per figure:
 *   BENCH <id> ours=<n> baseline=<n> ratio=<r> target=<t>
 * Extra arguments filter by file name, e.g. `npm run bench -- append`.
 */
// First: development mode, before any module reads the settings (the benchmarks' children inherit it).
import '../scripts/dev-mode';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from '../scripts/run-child';
import { StackError } from '../scripts/stack/log';
import { dropNamespace, runNamespace } from '../scripts/stack/namespace';
import { ROOT } from '../scripts/stack/paths';
import { down, up } from '../scripts/stack/stack';

const main = async (): Promise<number> => {
  const filters = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) {
    console.log('[bench] no benchmarks yet');
    return 0;
  }
  // Benchmarks produce a lot: in a namespace of their own, dropped afterwards, never in dev's.
  const namespace = runNamespace('bench');
  const env = { ...process.env, COMMERCE_NAMESPACE: namespace };
  const started = await up();
  try {
    let failed = 0;
    for (const file of files) {
      console.log(`[bench] ${file} (namespace ${namespace})`);
      const code = await runChild(process.execPath, ['--import', 'tsx', join(__dirname, file)], { cwd: ROOT, env });
      if (code !== 0) failed++;
    }
    return failed ? 1 : 0;
  } finally {
    await dropNamespace(namespace);
    await down(started);
  }
};

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err instanceof StackError ? `[bench] error: ${err.message}` : err);
    process.exit(1);
  });
