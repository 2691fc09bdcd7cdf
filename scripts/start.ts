/**
 * `npm start`: the whole system in the foreground. Infrastructure first (reusing what runs),
 * one TypeScript build, then the five apps; prints the GraphQL URL once every /health answers.
 * Ctrl-C (SIGINT) or SIGTERM stops the apps, then the infrastructure this run started. If an
 * app dies, everything is stopped too: a half-running system is worse than a clear failure.
 */
// First: development mode, before any module reads the settings.
import './dev-mode';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig, type AppName } from '../libs/config/src';
import { appKafkaEnv, provisionLocalKafka } from './kafka/local';
import { runChild } from './run-child';
import { StackError } from './stack/log';
import { ROOT } from './stack/paths';
import { delay, waitUntil } from './stack/proc';
import { down, up } from './stack/stack';

const config = loadConfig();
const APPS: { name: AppName; port: number }[] = [
  { name: 'user', port: config.ports.user },
  { name: 'order', port: config.ports.order },
  { name: 'payment', port: config.ports.payment },
  { name: 'consumers', port: config.ports.consumers },
  { name: 'gateway', port: config.ports.gateway },
];

const running = new Map<string, ChildProcess>();
let stopping = false;

const prefixLines = (name: string, stream: NodeJS.ReadableStream, out: NodeJS.WritableStream) => {
  let rest = '';
  stream.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`[${name.padEnd(9)}] ${line}\n`);
  });
};

/**
 * CPU_PROFILE_DIR=<dir> profiles every app (`node --cpu-prof`, which NODE_OPTIONS refuses): each
 * writes a .cpuprofile there when Ctrl-C stops it, to open in Chrome DevTools.
 */
const profiling = (): string[] => (process.env.CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CPU_PROFILE_DIR}`] : []);

const startApp = (name: AppName): ChildProcess => {
  // One root build serves all apps; tsconfig-paths maps @app/* to the built libs under dist/.
  const child = spawn(process.execPath, [...profiling(), '-r', 'tsconfig-paths/register', join('dist', 'apps', name, 'src', 'main.js')], {
    cwd: ROOT,
    // Each app as its own Kafka user on the local stack's broker (none added for KAFKA_BROKERS).
    env: { ...process.env, TS_NODE_BASEURL: './dist', ...appKafkaEnv(name) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixLines(name, child.stdout!, process.stdout);
  prefixLines(name, child.stderr!, process.stderr);
  child.on('exit', (code, signal) => {
    running.delete(name);
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? `code ${code}`}); stopping everything`);
      void shutdown(1);
    }
  });
  running.set(name, child);
  return child;
};

let started: string[] = [];
const shutdown = async (code: number): Promise<never> => {
  if (stopping) return new Promise<never>(() => undefined);
  stopping = true;
  console.log('[start] stopping the apps');
  for (const child of running.values()) child.kill('SIGTERM');
  const deadline = Date.now() + 15000;
  while (running.size && Date.now() < deadline) await delay(100);
  for (const child of running.values()) child.kill('SIGKILL');
  if (started.length) console.log(`[start] stopping the infrastructure this run started: ${started.join(', ')}`);
  await down(started);
  process.exit(code);
};

const main = async (): Promise<void> => {
  process.on('SIGINT', () => void shutdown(130));
  process.on('SIGTERM', () => void shutdown(143));
  started = await up();
  if (stopping) return;
  await provisionLocalKafka();
  console.log('[start] building the apps (tsc -p tsconfig.build.json)');
  const built = await runChild(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT });
  if (built !== 0) throw new StackError('start', 'the build failed (see the compiler output above)');
  for (const app of APPS) startApp(app.name);
  await Promise.all(
    APPS.map((app) =>
      waitUntil(async () => (await fetch(`http://127.0.0.1:${app.port}/health`, { signal: AbortSignal.timeout(3000) })).ok, {
        service: app.name, what: 'healthy', timeoutMs: 120000, logFile: 'the output above', pid: running.get(app.name)?.pid,
      }),
    ),
  );
  console.log('');
  console.log(`[start] ready: GraphQL at http://127.0.0.1:${config.ports.gateway}/graphql`);
  for (const app of APPS) console.log(`[start]   ${app.name.padEnd(9)} http://127.0.0.1:${app.port}/health`);
  console.log('[start] Ctrl-C stops everything this run started');
};

main().catch(async (err) => {
  console.error(err instanceof StackError ? `[start] error: ${err.message}` : err);
  await shutdown(1);
});
