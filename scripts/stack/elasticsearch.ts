import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { javaHome } from './java';
import { say, StackError } from './log';
import { mavenFetch } from './maven';
import { dirFor, ELASTICSEARCH_VERSION, ROOT, serviceDir } from './paths';
import { portOpen, readPid, requireCommand, spawnDetached, stopFromPidFile, waitUntil } from './proc';
import type { ServiceStatus, StackService, UpResult } from './service';
import { canReach, chownTree, unprivilegedUser } from './unprivileged';

const NAME = 'elasticsearch';
const PORT = 9200;
const logDir = serviceDir(NAME);
const pidFile = join(logDir, 'elasticsearch.pid');
const logFile = join(logDir, 'elasticsearch.log');

export const node = (): string => process.env.ELASTICSEARCH_NODE ?? `http://127.0.0.1:${PORT}`;

// The integ-test-zip distribution has no `rest-root` module, so `GET /` does not exist here;
// cluster health is in the server core and is what clients and our health checks use.
const healthy = async (): Promise<boolean> => {
  const res = await fetch(`${node()}/_cluster/health?wait_for_status=yellow&timeout=1s`, { signal: AbortSignal.timeout(3000) });
  return res.ok;
};

const install = async (home: string, base: string): Promise<void> => {
  if (existsSync(join(home, 'bin', 'elasticsearch'))) return;
  const zip = join(base, `elasticsearch-${ELASTICSEARCH_VERSION}.zip`);
  if (!existsSync(zip)) {
    say(NAME, `fetching Elasticsearch ${ELASTICSEARCH_VERSION} from Maven Central (first run only)`);
    await mavenFetch(
      NAME,
      ['-f', join(ROOT, 'infra', 'pom.xml'), 'dependency:copy',
        `-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ELASTICSEARCH_VERSION}:zip`, `-DoutputDirectory=${base}`],
      join(logDir, 'maven.log'),
    );
  }
  requireCommand(NAME, 'unzip', 'install unzip (e.g. `apt-get install unzip`)');
  const res = spawnSync('unzip', ['-q', '-o', zip, '-d', base], { encoding: 'utf8' });
  if (res.status !== 0) throw new StackError(NAME, `unzip failed: ${res.stderr.trim()}`);
};

export const elasticsearch: StackService = {
  name: NAME,
  async up(): Promise<UpResult> {
    if (process.env.ELASTICSEARCH_NODE) {
      if (!(await healthy().catch(() => false))) throw new StackError(NAME, `ELASTICSEARCH_NODE=${node()} does not answer`);
      return 'external';
    }
    mkdirSync(logDir, { recursive: true });
    let pid = readPid(pidFile);
    const result: UpResult = pid ? 'reused' : 'started';
    if (!pid) {
      if (await portOpen(PORT)) throw new StackError(NAME, `port ${PORT} is held by a process this stack did not start; stop it, or set ELASTICSEARCH_NODE to use it`);
      // Elasticsearch refuses to run as root (DESIGN.md section 10).
      const runAs = unprivilegedUser(NAME, ['commerce-es']);
      const base = dirFor(NAME, (p) => canReach(p, runAs));
      const home = join(base, `elasticsearch-${ELASTICSEARCH_VERSION}`);
      mkdirSync(base, { recursive: true });
      await install(home, base);
      const data = join(base, 'data');
      const logs = join(base, 'logs');
      mkdirSync(data, { recursive: true });
      mkdirSync(logs, { recursive: true });
      // It writes its keystore, GC log and temp files inside its own tree: it must own all of it.
      chownTree(home, runAs);
      chownTree(data, runAs);
      chownTree(logs, runAs);
      say(NAME, `starting Elasticsearch ${ELASTICSEARCH_VERSION}${runAs ? ` as user ${runAs.user}` : ''} (log: ${logFile}, data: ${data})`);
      pid = spawnDetached(
        join(home, 'bin', 'elasticsearch'),
        [
          '-E', 'discovery.type=single-node',
          '-E', 'network.host=127.0.0.1',
          '-E', `http.port=${PORT}`,
          '-E', `path.data=${data}`,
          '-E', `path.logs=${logs}`,
          '-E', 'xpack.security.enabled=false',
          // A nearly full developer disk should not flip every index to read-only mid-test.
          '-E', 'cluster.routing.allocation.disk.threshold_enabled=false',
        ],
        {
          logFile, pidFile, cwd: home, uid: runAs?.uid, gid: runAs?.gid,
          env: { ES_JAVA_HOME: javaHome(NAME), ES_JAVA_OPTS: '-Xms512m -Xmx512m', JAVA_HOME: '' },
        },
      );
    }
    await waitUntil(healthy, { service: NAME, what: 'healthy', timeoutMs: 120000, logFile, pid });
    say(NAME, `${result === 'reused' ? 'already running' : 'ready'} at ${node()}`);
    return result;
  },
  down: () => stopFromPidFile(NAME, pidFile),
  async status(): Promise<ServiceStatus> {
    if (process.env.ELASTICSEARCH_NODE) return { name: NAME, state: 'external', address: node() };
    const pid = readPid(pidFile);
    return pid ? { name: NAME, state: 'running', address: node(), pid, log: logFile } : { name: NAME, state: 'stopped', address: node() };
  },
};
