import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { down, up } from '../../../scripts/stack/stack';
import { ChaosElasticsearch, esHome } from './chaos-elasticsearch';
import { ChaosKafka, KAFKA_LIBS } from './chaos-kafka';
import { ChaosPostgres } from './chaos-postgres';
import { ChaosSmtp } from './chaos-smtp';
import { freePort } from '../../support/free-port';

/**
 * PostgreSQL, Kafka, Elasticsearch and an SMTP catcher owned by one chaos run, in its folder and
 * on free ports. The faults kill and refuse these, never the shared stack that other people's
 * `npm test` and `npm start` use at the same time in this checkout.
 */
export class ChaosInfra {
  private constructor(
    readonly dir: string,
    readonly pg: ChaosPostgres,
    readonly kafka: ChaosKafka,
    readonly es: ChaosElasticsearch,
    readonly smtp: ChaosSmtp,
  ) {}

  static async start(dir: string, log: (line: string) => void): Promise<ChaosInfra> {
    await ensureArtifacts(log);
    mkdirSync(dir, { recursive: true });
    const infra = new ChaosInfra(
      dir,
      new ChaosPostgres(join(dir, 'postgres'), await freePort()),
      new ChaosKafka(join(dir, 'kafka'), await freePort(), await freePort()),
      new ChaosElasticsearch(join(dir, 'elasticsearch'), await freePort(), await freePort()),
      new ChaosSmtp(join(dir, 'smtp'), await freePort(), join(dir, 'mail')),
    );
    log(`starting PostgreSQL :${infra.pg.port}, Kafka :${infra.kafka.port}, Elasticsearch :${infra.es.port}, SMTP :${infra.smtp.port}`);
    const started = await Promise.allSettled([infra.pg.start(), infra.kafka.start(), infra.es.start(), infra.smtp.start()]);
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await infra.stop(false);
      throw failed.reason;
    }
    return infra;
  }

  /** What the apps, the traffic and the oracle are pointed at. */
  env(): Record<string, string> {
    return {
      DATABASE_URL: this.pg.url(),
      KAFKA_BROKERS: this.kafka.brokers.join(','),
      ELASTICSEARCH_NODE: this.es.node,
      SMTP_URL: this.smtp.url,
      MAIL_DIR: this.smtp.mailDir,
    };
  }

  /** Stops everything this run started; its data goes too (logs stay for a post-mortem). */
  async stop(removeData = true): Promise<void> {
    await Promise.allSettled([this.pg.stop(), this.kafka.stop(), this.es.stop(), this.smtp.stop()]);
    if (!removeData) return;
    for (const data of ['postgres/data', 'kafka/data', 'elasticsearch/data']) rmSync(join(this.dir, data), { recursive: true, force: true });
  }
}

/** The Kafka jars and the Elasticsearch tree come from the stack's first `up`; a fresh clone gets them through it. */
async function ensureArtifacts(log: (line: string) => void): Promise<void> {
  if (existsSync(join(KAFKA_LIBS, '.complete')) && existsSync(join(esHome(), 'bin', 'elasticsearch'))) return;
  log('fetching Kafka and Elasticsearch through the stack (first run only)');
  const started = await up(['kafka', 'elasticsearch']);
  await down(started);
}
