import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { say, StackError } from './log';
import { mavenFetch } from './maven';
import { KAFKA_VERSION, ROOT, serviceDir } from './paths';
import { portOpen, readPid, spawnDetached, stopFromPidFile, waitUntil } from './proc';
import type { ServiceStatus, StackService, UpResult } from './service';

const NAME = 'kafka';
const PORT = 9092;
const CONTROLLER_PORT = 9093;
const dir = serviceDir(NAME);
const libs = join(dir, `libs-${KAFKA_VERSION}`);
const dataDir = join(dir, 'data');
const pidFile = join(dir, 'kafka.pid');
const logFile = join(dir, 'kafka.log');

export const brokers = (): string[] =>
  (process.env.KAFKA_BROKERS ?? `127.0.0.1:${PORT}`).split(',').map((b) => b.trim());

/** True once a broker at `at` answers a cluster description (throws while it does not). */
export const kafkaReachable = async (at: string[]): Promise<boolean> => {
  const admin = new Kafka({ clientId: 'stack-probe', brokers: at, logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 1000 }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return true;
  } finally {
    await admin.disconnect();
  }
};

const reachable = (): Promise<boolean> => kafkaReachable(brokers());

/**
 * KRaft combined mode: one process is both broker and controller, fine for a laptop or CI. The
 * chaos suite runs brokers of its own with these settings on other ports and folders.
 */
export const kafkaServerProperties = ({ port, controllerPort, dataDir }: { port: number; controllerPort: number; dataDir: string }): string =>
  [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${dataDir}`,
    // The project creates its own topics with chosen partition counts (libs/messaging).
    'auto.create.topics.enable=false',
    'num.partitions=1',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Tests create and join many groups; waiting 3 s per first join buys nothing on one node.
    'group.initial.rebalance.delay.ms=0',
    '',
  ].join('\n');

/** Kafka's own log: warnings of org.apache.kafka, `rootLevel` for the rest. */
export const kafkaLog4j = (rootLevel: 'INFO' | 'WARN'): string => [
  'status = error',
  'appender.out.type = Console',
  'appender.out.name = OUT',
  'appender.out.layout.type = PatternLayout',
  'appender.out.layout.pattern = [%d] %p %m (%c)%n',
  `rootLogger.level = ${rootLevel}`,
  'rootLogger.appenderRef.out.ref = OUT',
  'logger.kafka.name = org.apache.kafka',
  'logger.kafka.level = WARN',
  '',
].join('\n');

const fetchJars = async (): Promise<void> => {
  if (existsSync(join(libs, '.complete'))) return;
  say(NAME, `fetching Apache Kafka ${KAFKA_VERSION} jars (first run only; log: ${join(dir, 'maven.log')})`);
  await mavenFetch(
    NAME,
    ['-f', join(ROOT, 'infra', 'pom.xml'), 'dependency:copy-dependencies', `-DoutputDirectory=${libs}`,
      '-DincludeScope=runtime', `-Dkafka.version=${KAFKA_VERSION}`],
    join(dir, 'maven.log'),
  );
  writeFileSync(join(libs, '.complete'), KAFKA_VERSION);
};

/** Formats a data folder for KRaft once (a no-op when it holds a cluster already). */
export const formatKafkaStorageOnce = (jars: string, props: string, data: string): void => {
  if (existsSync(join(data, 'meta.properties'))) return;
  // A cluster id is 16 random bytes in URL-safe base64, as `kafka-storage random-uuid` makes,
  // and like Kafka's own never starting with '-': the tool would read it as an option (1 in 64).
  let clusterId = randomBytes(16).toString('base64url');
  while (clusterId.startsWith('-')) clusterId = randomBytes(16).toString('base64url');
  const res = spawnSync('java', ['-cp', `${jars}/*`, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', props], { encoding: 'utf8' });
  if (res.status !== 0) throw new StackError(NAME, `formatting storage in ${data} failed: ${(res.stderr || res.stdout).trim().split('\n').pop()}`);
  say(NAME, `storage formatted in ${data}`);
};

export const kafka: StackService = {
  name: NAME,
  async up(): Promise<UpResult> {
    if (process.env.KAFKA_BROKERS) {
      if (!(await reachable().catch(() => false))) throw new StackError(NAME, `KAFKA_BROKERS=${process.env.KAFKA_BROKERS} does not answer`);
      return 'external';
    }
    let pid = readPid(pidFile);
    const result: UpResult = pid ? 'reused' : 'started';
    if (!pid) {
      if (await portOpen(PORT)) throw new StackError(NAME, `port ${PORT} is held by a process this stack did not start; stop it, or set KAFKA_BROKERS to use it`);
      await fetchJars();
      mkdirSync(dataDir, { recursive: true });
      const props = join(dir, 'server.properties');
      writeFileSync(props, kafkaServerProperties({ port: PORT, controllerPort: CONTROLLER_PORT, dataDir }));
      writeFileSync(join(dir, 'log4j2.properties'), kafkaLog4j('INFO'));
      formatKafkaStorageOnce(libs, props, dataDir);
      say(NAME, `starting Apache Kafka ${KAFKA_VERSION} (KRaft, log: ${logFile})`);
      pid = spawnDetached(
        'java',
        ['-Xms256m', '-Xmx768m', '-XX:+UseG1GC', `-Dlog4j2.configurationFile=${join(dir, 'log4j2.properties')}`, '-cp', `${libs}/*`, 'kafka.Kafka', props],
        { logFile, pidFile },
      );
    }
    // No topics here: their names depend on the environment's namespace (COMMERCE_NAMESPACE), so
    // each app creates the ones it uses, and `npm test` those of its run (test/support/e2e-setup.ts).
    await waitUntil(reachable, { service: NAME, what: 'accepting clients', timeoutMs: 90000, logFile, pid });
    say(NAME, `${result === 'reused' ? 'already running' : 'ready'} at ${brokers().join(',')}`);
    return result;
  },
  down: () => stopFromPidFile(NAME, pidFile),
  async status(): Promise<ServiceStatus> {
    const address = brokers().join(',');
    if (process.env.KAFKA_BROKERS) return { name: NAME, state: 'external', address };
    const pid = readPid(pidFile);
    return pid ? { name: NAME, state: 'running', address, pid, log: logFile } : { name: NAME, state: 'stopped', address };
  },
};
