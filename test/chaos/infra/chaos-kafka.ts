import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { KAFKA_VERSION, serviceDir } from '../../../scripts/stack/paths';
import { waitFor } from '../../support/wait-for';
import { OwnedProcess } from './owned-process';

/** The jars the stack fetched from Maven Central (scripts/stack/kafka.ts); ChaosInfra makes sure they are there. */
export const KAFKA_LIBS = join(serviceDir('kafka'), `libs-${KAFKA_VERSION}`);

/** The same single-node KRaft settings as the stack's broker, on ports and a data folder of our own. */
const properties = (port: number, controllerPort: number, dataDir: string): string =>
  [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${dataDir}`,
    'auto.create.topics.enable=false',
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    '',
  ].join('\n');

const LOG4J = ['status = error', 'appender.out.type = Console', 'appender.out.name = OUT', 'appender.out.layout.type = PatternLayout',
  'appender.out.layout.pattern = [%d] %p %m (%c)%n', 'rootLogger.level = WARN', 'rootLogger.appenderRef.out.ref = OUT', ''].join('\n');

/** A Kafka broker of the run's own: F1 SIGKILLs it and starts it again on the same data. */
export class ChaosKafka {
  private readonly proc: OwnedProcess;

  constructor(
    dir: string,
    readonly port: number,
    controllerPort: number,
  ) {
    const data = join(dir, 'data');
    const props = join(dir, 'server.properties');
    mkdirSync(data, { recursive: true });
    writeFileSync(props, properties(port, controllerPort, data));
    writeFileSync(join(dir, 'log4j2.properties'), LOG4J);
    if (!existsSync(join(data, 'meta.properties'))) {
      // A cluster id as `kafka-storage random-uuid` makes it, never starting with '-' (see the stack).
      let clusterId = randomBytes(16).toString('base64url');
      while (clusterId.startsWith('-')) clusterId = randomBytes(16).toString('base64url');
      const res = spawnSync('java', ['-cp', `${KAFKA_LIBS}/*`, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', props], { encoding: 'utf8' });
      if (res.status !== 0) throw new Error(`formatting the chaos broker's storage failed: ${(res.stderr || res.stdout).trim().split('\n').pop()}`);
    }
    this.proc = new OwnedProcess('kafka', 'java',
      ['-Xms256m', '-Xmx512m', '-XX:+UseG1GC', `-Dlog4j2.configurationFile=${join(dir, 'log4j2.properties')}`, '-cp', `${KAFKA_LIBS}/*`, 'kafka.Kafka', props],
      { logFile: join(dir, 'kafka.log'), pidFile: join(dir, 'kafka.pid') });
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  async start(): Promise<void> {
    this.proc.start();
    await waitFor(`the chaos Kafka broker on ${this.port} (log: ${this.proc.logFile})`, async () => {
      const admin = new Kafka({ clientId: 'chaos-probe', brokers: this.brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 1000 }).admin();
      try {
        await admin.connect();
        await admin.describeCluster();
        return true;
      } finally {
        await admin.disconnect();
      }
    }, { timeoutMs: 120000, intervalMs: 500 });
  }

  kill(): Promise<void> {
    return this.proc.kill();
  }

  stop(): Promise<void> {
    return this.proc.stop();
  }
}
