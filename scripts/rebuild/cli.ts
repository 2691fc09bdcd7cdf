/**
 * `npm run rebuild -- <projection>|all`: rebuilds read models blue/green from the event stores
 * (see apps/consumers/src/search/rebuild) with the apps' configuration (DATABASE_URL,
 * ELASTICSEARCH_NODE, the namespace), while the system keeps running. Progress on stderr, a
 * summary per projection on stdout. Exit 0 when every rebuild finished, 1 when one failed, 2 on
 * bad arguments.
 */
// Against `npm start` as it is; an operator's NODE_ENV=production (with its settings) is kept.
import '../dev-mode';
import { loadConfig, NAMESPACE } from '@app/config';
import { projectionsNamed, REBUILDABLE, runRebuild } from '../../apps/consumers/src/search/rebuild';
import { Progress } from '../shared/progress';

const USAGE = `usage: npm run rebuild -- <projection>|all   (projections: ${REBUILDABLE.join(', ')})`;

class UsageError extends Error {}

const run = async (): Promise<string[]> => {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') throw new UsageError(args.length > 1 ? 'one projection (or all) at a time' : 'which projection?');
  let names;
  try {
    names = projectionsNamed(args[0]);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const config = loadConfig();
  const lines: string[] = [];
  for (const name of names) {
    const progress = new Progress(0, process.stderr, { tag: `rebuild ${name}`, unit: 'events' });
    progress.start();
    try {
      const result = await runRebuild(name, config, (p) => progress.set(p.processed, p.total, p.state));
      progress.stop();
      lines.push(
        `${name} (namespace ${NAMESPACE}): ${result.events} events, ${result.documents} documents, ${result.seconds.toFixed(1)} s, ${result.eventsPerSecond.toFixed(0)} events/s`,
        ...result.indices.map((i) => `  ${i.alias}: ${i.old ?? '(none)'} -> ${i.next}${i.old ? ` (${i.old} deleted)` : ''}`),
      );
    } catch (error) {
      progress.stop();
      throw error;
    }
  }
  return lines;
};

run().then(
  (lines) => console.log(lines.join('\n')),
  (error: unknown) => {
    const usage = error instanceof UsageError;
    console.error(`rebuild: ${error instanceof Error ? error.message : String(error)}${usage ? `\n${USAGE}` : ''}`);
    process.exitCode = usage ? 2 : 1;
  },
);
