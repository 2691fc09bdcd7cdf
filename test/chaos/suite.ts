import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { dropNamespace } from '../../scripts/stack/namespace';
import { ROOT } from '../../scripts/stack/paths';
import { ChaosInfra } from './infra/chaos-infra';
import { pruneOldRuns } from './infra/run-dirs';
import { orderDeadlineMs, type SystemState } from './oracle/oracle';
import { formatTable } from './report/table';
import { SCENARIOS } from './scenarios';
import { runScenario, type ScenarioRow } from './scenarios/run-scenario';
import { ChaosSystem } from './system/chaos-system';
import { snapshotDist } from './system/dist-snapshot';

const clock = (since: number): string => {
  const s = Math.floor((Date.now() - since) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The whole suite: infrastructure of its own, the apps from a snapshot of dist/, every scenario
 * (or those named) one after the other, the table. Whatever it started is stopped at the end,
 * also on failure or Ctrl-C, and the namespace is dropped. Resolves with the exit code.
 */
export async function runSuite(run: string, only: readonly string[]): Promise<number> {
  const started = Date.now();
  const say = (line: string) => console.log(`[chaos ${clock(started)}] ${line}`);
  const namespace = process.env.COMMERCE_NAMESPACE!;
  const scenarios = only.length ? SCENARIOS.filter((s) => only.includes(s.id)) : SCENARIOS;
  const unknown = only.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length) {
    console.error(`unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.map((s) => s.id).join(' ')})`);
    return 2;
  }
  const chaosDir = join(ROOT, '.stack', 'chaos');
  pruneOldRuns(chaosDir);
  const runDir = join(chaosDir, run);
  let infra: ChaosInfra | undefined;
  let system: ChaosSystem | undefined;
  let pool: Pool | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await system?.stop().catch(() => undefined);
      await pool?.end().catch(() => undefined);
      if (infra) await dropNamespace(namespace);
      await infra?.stop();
      rmSync(join(runDir, 'dist'), { recursive: true, force: true });
      say(`stopped what this run started; logs in ${runDir}`);
    })());
  process.once('SIGINT', () => {
    say('interrupted: stopping what this run started');
    void cleanup().finally(() => process.exit(130));
  });
  try {
    say(`run ${run}, namespace ${namespace}, scenarios ${scenarios.map((s) => s.id).join(' ')}`);
    const distDir = snapshotDist(runDir);
    infra = await ChaosInfra.start(join(runDir, 'infra'), say);
    const env: Record<string, string> = { ...infra.env(), NODE_ENV: 'test', COMMERCE_NAMESPACE: namespace };
    // The namespace cleanup (scripts/stack) reads the addresses from here: this run's own services.
    Object.assign(process.env, env);
    const launch = { distDir, cwd: runDir, logDir: join(runDir, 'logs'), env };
    system = new ChaosSystem(launch, say);
    say('starting the apps');
    await system.start();
    pool = new Pool({ connectionString: env.DATABASE_URL, max: 4 });
    // F3 and F4 end the oracle's sessions too; a broken idle client must not end this process.
    pool.on('error', () => undefined);
    const state: SystemState = { db: pool, brokers: infra.kafka.brokers, esNode: infra.es.node, mailDir: infra.smtp.mailDir, namespace, orderDeadlineMs: orderDeadlineMs() };
    const rows: ScenarioRow[] = [];
    for (const [i, scenario] of scenarios.entries()) {
      const t0 = Date.now();
      say(`${scenario.id} ${scenario.title}`);
      const row = await runScenario(scenario, { system, infra, state, log: (line) => say(`${scenario.id} +${clock(t0)} ${line}`) }, false);
      rows.push(row);
      say(`${scenario.id} ${row.passed ? 'PASS' : `FAIL (${row.findings.length} findings)`} in ${clock(t0)}`);
      if (!row.passed && i < scenarios.length - 1) {
        // Fresh processes (same data), so what broke here is not carried into the next fault.
        say('restarting every app before the next scenario');
        await system.stop();
        system = new ChaosSystem(launch, say);
        await system.start();
      }
    }
    console.log('');
    for (const line of formatTable(rows)) console.log(line);
    console.log('');
    say(`${rows.filter((r) => r.passed).length}/${rows.length} scenarios passed in ${clock(started)}`);
    return rows.every((r) => r.passed) ? 0 : 1;
  } finally {
    await cleanup();
  }
}
