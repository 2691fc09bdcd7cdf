/**
 * `npm run check:isolation`: the promise that a developer's system and the test suite never
 * touch each other, checked the way a developer would break it. Runs `npm start` (namespace dev,
 * database commerce), places orders through the gateway, stops it (Ctrl-C), records everything
 * dev owns (every table of its database, its topics' end offsets and groups' offsets, its search
 * indices, the mails to its customers), runs `npm test` in the same checkout, and records again.
 * Exits 0 only when the tests passed and nothing of dev changed. Takes about as long as npm test.
 */
// First: development mode, before any module reads the settings.
import '../dev-mode';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../libs/config/src';
import { runLoad } from '../load/run-load';
import { runChild } from '../run-child';
import { ROOT } from '../stack/paths';
import { MAIL_DIR } from '../stack/smtp';
import { differences, snapshot } from './snapshot';

const DEV = { NODE_ENV: 'development', COMMERCE_NAMESPACE: 'dev' };
const say = (line: string) => console.log(`[isolation] ${line}`);

/** `npm start` until `work` is done, then SIGINT as a developer's Ctrl-C, waiting for its exit. */
async function withDevSystem(gatewayUrl: string, work: () => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], { cwd: ROOT, env: { ...process.env, ...DEV }, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      const ok = await fetch(gatewayUrl.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline) throw new Error('npm start did not become healthy within 300 s');
      await new Promise((r) => setTimeout(r, 1000));
    }
    await work();
  } finally {
    child.kill('SIGINT');
    await exited;
  }
}

const devEmails = async (databaseUrl: string): Promise<string[]> => {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query<{ email: string }>(`SELECT email FROM read_model.user_view`)).rows.map((r) => r.email);
  } finally {
    await db.end();
  }
};

const main = async (): Promise<number> => {
  const config = loadConfig({ ...process.env, ...DEV });
  const gatewayUrl = `http://127.0.0.1:${config.ports.gateway}/graphql`;
  say(`npm start, then 5 customers place 50 orders at ${gatewayUrl}`);
  await withDevSystem(gatewayUrl, async () => {
    const report = await runLoad({ url: gatewayUrl, customers: 5, orders: 50, progress: process.stderr });
    say(`dev load: ${report.orders} orders, oracle ${report.oracle.ok ? 'ok' : 'FAILED'}`);
  });
  const dev = { databaseUrl: config.databaseUrl, namespace: 'dev', mailDir: MAIL_DIR, addresses: await devEmails(config.databaseUrl) };
  const before = await snapshot(dev);
  say(`recorded dev: ${Object.keys(before).length} tables, topics, groups, indices; ${before.mails.split(':')[0]}`);
  say('npm test in the same checkout');
  // As a developer's shell would run it: no namespace or NODE_ENV carried over from dev.
  const { NODE_ENV: _env, COMMERCE_NAMESPACE: _ns, ...shell } = process.env;
  const tests = await runChild(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/test.ts', ...process.argv.slice(2)], { cwd: ROOT, env: shell });
  const changed = differences(before, await snapshot(dev));
  for (const line of changed) say(`CHANGED ${line}`);
  say(`npm test ${tests === 0 ? 'passed' : `FAILED (${tests})`}; dev ${changed.length ? `changed in ${changed.length} places` : 'untouched'}`);
  return tests === 0 && changed.length === 0 ? 0 : 1;
};

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('[isolation] error:', err);
    process.exit(1);
  },
);
