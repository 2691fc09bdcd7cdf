import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { loadConfig, NAMESPACE } from '@app/config';
import { ROOT } from '../../scripts/stack/paths';
import { mailDir } from '../support/mailbox';
import { orderDeadlineMs, type SystemState } from './oracle/oracle';
import { formatTable } from './report/table';
import { F5 } from './scenarios/f5-poison';
import { F6 } from './scenarios/f6-late-commit';
import { F7 } from './scenarios/f7-sixteen-writers';
import { runScenario } from './scenarios/run-scenario';
import { ChaosSystem } from './system/chaos-system';

// About a minute each when the system behaves; a failing one may wait out the order deadline first.
jest.setTimeout(8 * 60_000);

/**
 * The faults of `npm run chaos` that need no infrastructure of their own (test/chaos/run.ts has
 * them all): poison messages, an append committing late, sixteen writers on one stream. The
 * whole system runs from the dist/ that `npm test` built, on the run's namespace and database,
 * and the same oracle judges each scenario; the progress goes to chaos.log beside the app logs.
 */
describe('fault suite: F5, F6, F7 under load (npm run chaos has F1-F10)', () => {
  const config = loadConfig();
  const dir = join(ROOT, '.stack', 'test-logs', `chaos-${NAMESPACE}`);
  const log = (line: string) => appendFileSync(join(dir, 'chaos.log'), `${new Date().toISOString()} ${line}\n`);
  let system: ChaosSystem;
  let db: Pool;
  let state: SystemState;

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    system = new ChaosSystem({ distDir: join(ROOT, 'dist'), cwd: dir, logDir: dir, env: {} }, log);
    await system.start();
    db = new Pool({ connectionString: config.databaseUrl, max: 4 });
    state = { db, brokers: config.kafka.brokers, esNode: config.elasticsearchNode, mailDir: mailDir(), namespace: NAMESPACE, orderDeadlineMs: orderDeadlineMs() };
  });

  afterAll(async () => {
    await system?.stop();
    await db?.end();
  });

  it.each([F5, F6, F7].map((s) => [`${s.id} ${s.title}`, s] as const))('%s: the oracle finds nothing wrong', async (_name, scenario) => {
    const row = await runScenario(scenario, { system, state, log: (line) => log(`${scenario.id} ${line}`) }, true);
    for (const line of formatTable([row])) log(line);
    expect(row.findings).toEqual([]);
    // A scenario that did nothing would pass vacuously: it must have run its load and its fault.
    expect(row.acknowledged).toBeGreaterThanOrEqual(40);
    expect(row.events).toBeGreaterThan(0);
    if (scenario === F5) expect(row.deadLettered).toBeGreaterThan(0);
  });
});
