/**
 * `npm test`: every test against the real services. Starts the infrastructure it needs (reusing
 * what already runs), points the tests at their own database, finds (or installs) the Chromium the
 * browser tests drive, type-checks, runs Jest, and stops
 * what it started — also when tests fail or the run is interrupted.
 * Extra arguments go to Jest, e.g. `npm test -- test/kafka`.
 */
import { join } from 'node:path';
import { ROOT } from './stack/paths';
import { dropNamespace, runNamespace } from './stack/namespace';
import { ensureBrowser } from './stack/browser';
import { ensureDatabase } from './stack/postgres';
import { MAIL_DIR } from './stack/smtp';
import { down, up } from './stack/stack';
import { StackError } from './stack/log';
import { runChild } from './run-child';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commerce_test';

const main = async (): Promise<number> => {
  const databaseUrl = process.env.DATABASE_URL ?? TEST_DATABASE_URL;
  // Tests drop and rewrite schemas: never let them near a database that is not a test one.
  if (!new URL(databaseUrl).pathname.endsWith('_test')) {
    throw new StackError('test', `refusing to run against ${new URL(databaseUrl).pathname.slice(1)}: the test database name must end in _test`);
  }
  // Every run in a namespace of its own: its topics, groups and indices are new, so no test
  // replays a dev system's (or an earlier run's) history, and none joins a group it did not make.
  const namespace = process.env.COMMERCE_NAMESPACE ?? runNamespace('test');
  const started = await up();
  let interrupted = false;
  const onSignal = () => (interrupted = true);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await ensureDatabase(databaseUrl);
    // The admin console's tests drive a real Chromium: installed here when missing, never skipped.
    const chrome = await ensureBrowser();
    const env = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', MAIL_DIR: process.env.MAIL_DIR ?? MAIL_DIR, COMMERCE_NAMESPACE: namespace, CHROME_PATH: chrome };
    console.log('[test] type-checking (tsc --noEmit)');
    const tsc = await runChild(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'], { cwd: ROOT });
    if (tsc !== 0 || interrupted) return tsc || 130;
    console.log('[test] building the apps (tsc -p tsconfig.build.json; whole-system tests run dist/)');
    const build = await runChild(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT });
    if (build !== 0 || interrupted) return build || 130;
    console.log('[test] checking dependency rules (dependency-cruiser)');
    const deps = await runChild(process.execPath, [join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'apps', 'libs', '--config', '.dependency-cruiser.cjs'], { cwd: ROOT });
    if (deps !== 0 || interrupted) return deps || 130;
    console.log(`[test] running jest in namespace ${namespace}`);
    // One worker: the e2e suites share one broker and one database, and there are only 2 cores.
    return await runChild(process.execPath, [join(ROOT, 'node_modules/jest/bin/jest.js'), '--runInBand', ...process.argv.slice(2)], { cwd: ROOT, env });
  } finally {
    // A namespace given from outside belongs to whoever gave it; a run's own is dropped.
    if (!process.env.COMMERCE_NAMESPACE) await dropNamespace(namespace);
    if (started.length) console.log(`[test] stopping what this run started: ${started.join(', ')}`);
    await down(started);
  }
};

main()
  .then((code) => process.exit(code))
  .catch((err) => {
    console.error(err instanceof StackError ? `[test] error: ${err.message}` : err);
    process.exit(1);
  });
