/**
 * `npm run rebuild -- <projection>|all`: rebuilds read models blue/green from the event stores
 * (apps/consumers/src/rebuild) with the apps' configuration (DATABASE_URL,
 * ELASTICSEARCH_NODE, the namespace), while the system keeps running. Progress on stderr, a
 * summary per projection on stdout. Exit 0 when every rebuild finished, 1 when one failed, 2 on
 * bad arguments.
 */
// Against `npm start` as it is; an operator's NODE_ENV=production (with its settings) is kept.
import '../dev-mode';
import { loadConfig, NAMESPACE } from '@app/config';
import { projectionsNamed, REBUILDABLE, startRebuildJob } from '../../apps/consumers/src/rebuild';
import { Progress } from '../shared/progress';

const USAGE = `usage: npm run rebuild -- <projection>|all   (projections: ${REBUILDABLE.join(', ')})`;

class UsageError extends Error {}

const run = async (): Promise<string[]> => {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') throw new UsageError(args.length > 1 ? 'one projection (or all) at a time' : 'which projection?');
  let names: ReturnType<typeof projectionsNamed>;
  try {
    names = projectionsNamed(args[0]);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const config = loadConfig();
  // One job, recorded like the admin's rebuildProjection: systemStatus shows it while it runs.
  const bars = new Map(names.map((name) => [name, new Progress(0, process.stderr, { tag: `rebuild ${name}`, unit: 'events' })]));
  let current: Progress | undefined;
  const { job, done } = await startRebuildJob(args[0], config, { onProgress: (name, p) => {
    const bar = bars.get(name as (typeof names)[number]);
    if (!bar) return;
    if (bar !== current) {
      current?.stop();
      bar.start();
      current = bar;
    }
    bar.set(p.processed, p.total, p.state);
  } });
  try {
    const results = await done;
    return [
      `job ${job.id} (namespace ${NAMESPACE}):`,
      ...results.flatMap((r, i) => [`${names[i]}: ${r.events} events, ${r.seconds.toFixed(1)} s, ${r.eventsPerSecond.toFixed(0)} events/s`, ...r.swapped]),
    ];
  } finally {
    current?.stop();
  }
};

run().then(
  (lines) => console.log(lines.join('\n')),
  (error: unknown) => {
    const usage = error instanceof UsageError;
    console.error(`rebuild: ${error instanceof Error ? error.message : String(error)}${usage ? `\n${USAGE}` : ''}`);
    process.exitCode = usage ? 2 : 1;
  },
);
