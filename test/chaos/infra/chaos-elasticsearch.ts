import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { javaHome } from '../../../scripts/stack/java';
import { dirFor, ELASTICSEARCH_VERSION } from '../../../scripts/stack/paths';
import { canReach, chownTree, unprivilegedUser } from '../../../scripts/stack/unprivileged';
import { waitFor } from '../../support/wait-for';
import { OwnedProcess } from './owned-process';

const runAs = () => unprivilegedUser('chaos-elasticsearch', ['commerce-es']);

/** The installation the stack unpacked (scripts/stack/elasticsearch.ts); a second node runs from it on data of its own. */
export const esHome = (): string => {
  const user = runAs();
  return join(dirFor('elasticsearch', (p) => canReach(p, user)), `elasticsearch-${ELASTICSEARCH_VERSION}`);
};

/** An Elasticsearch node of the run's own (F8 SIGKILLs it), as the stack runs its one but on free ports. */
export class ChaosElasticsearch {
  private readonly proc: OwnedProcess;

  constructor(
    dir: string,
    readonly port: number,
    transportPort: number,
  ) {
    const user = runAs();
    const data = join(dir, 'data');
    const logs = join(dir, 'logs');
    mkdirSync(data, { recursive: true });
    mkdirSync(logs, { recursive: true });
    chownTree(data, user);
    chownTree(logs, user);
    const home = esHome();
    // The same settings as the stack's node; a cluster name of its own so it never meets another.
    const settings = ['discovery.type=single-node', 'network.host=127.0.0.1', `http.port=${port}`, `transport.port=${transportPort}`,
      `path.data=${data}`, `path.logs=${logs}`, 'xpack.security.enabled=false', 'cluster.routing.allocation.disk.threshold_enabled=false',
      `cluster.name=chaos-${port}`];
    this.proc = new OwnedProcess('elasticsearch', join(home, 'bin', 'elasticsearch'), settings.flatMap((s) => ['-E', s]), {
      logFile: join(dir, 'elasticsearch.log'), pidFile: join(dir, 'elasticsearch.pid'), cwd: home, uid: user?.uid, gid: user?.gid,
      env: { ES_JAVA_HOME: javaHome('elasticsearch'), ES_JAVA_OPTS: '-Xms512m -Xmx512m', JAVA_HOME: '' },
    });
  }

  get node(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.proc.start();
    await waitFor(`the chaos Elasticsearch node on ${this.port} (log: ${this.proc.logFile})`, async () => {
      const res = await fetch(`${this.node}/_cluster/health?wait_for_status=yellow&timeout=1s`, { signal: AbortSignal.timeout(3000) });
      return res.ok;
    }, { timeoutMs: 180000, intervalMs: 500 });
  }

  kill(): Promise<void> {
    return this.proc.kill();
  }

  stop(): Promise<void> {
    return this.proc.stop();
  }
}
