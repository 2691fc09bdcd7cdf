import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { formatKafkaStorageOnce, kafkaLog4j, kafkaServerProperties } from './kafka-files';
import { newAppCredentials, readAppCredentials, SASL_PORT, saveAppCredentials, scramFormatArgs } from './kafka-sasl';
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

/**
 * The apps' SCRAM users are created with the storage (kafka-storage format --add-scram), so the
 * broker never runs without them. A data folder from before they existed is dev data: start over.
 */
const formatWithAppUsers = (props: string): void => {
  if (readAppCredentials()) return formatKafkaStorageOnce(libs, props, dataDir);
  if (existsSync(join(dataDir, 'meta.properties'))) {
    say(NAME, `the data in ${dataDir} predates the apps' Kafka users: starting from empty storage`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
  }
  const credentials = newAppCredentials();
  formatKafkaStorageOnce(libs, props, dataDir, scramFormatArgs(credentials));
  saveAppCredentials(credentials);
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
    if (pid && !readAppCredentials()) throw new StackError(NAME, 'the running broker was started by an older stack, without the apps\' Kafka users: npm run infra:down, then start again');
    if (!pid) {
      if (await portOpen(PORT)) throw new StackError(NAME, `port ${PORT} is held by a process this stack did not start; stop it, or set KAFKA_BROKERS to use it`);
      await fetchJars();
      mkdirSync(dataDir, { recursive: true });
      const props = join(dir, 'server.properties');
      writeFileSync(props, kafkaServerProperties({ port: PORT, controllerPort: CONTROLLER_PORT, dataDir, saslPort: SASL_PORT }));
      writeFileSync(join(dir, 'log4j2.properties'), kafkaLog4j('INFO'));
      formatWithAppUsers(props);
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
