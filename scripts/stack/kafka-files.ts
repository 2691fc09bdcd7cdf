import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { saslServerProperties } from './kafka-sasl';
import { say, StackError } from './log';

const NAME = 'kafka';

/**
 * KRaft combined mode: one process is both broker and controller, fine for a laptop or CI. The
 * chaos suite runs brokers of its own with these settings on other ports and folders.
 */
export const kafkaServerProperties = ({ port, controllerPort, dataDir, saslPort }: { port: number; controllerPort: number; dataDir: string; saslPort?: number }): string =>
  [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    'controller.listener.names=CONTROLLER',
    ...(saslPort
      ? saslServerProperties(port, saslPort, controllerPort)
      : [
        `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
        `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
        'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      ]),
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

/** Formats a data folder for KRaft once (a no-op when it holds a cluster already); `extra`: e.g. SCRAM users. */
export const formatKafkaStorageOnce = (jars: string, props: string, data: string, extra: string[] = []): void => {
  if (existsSync(join(data, 'meta.properties'))) return;
  // A cluster id is 16 random bytes in URL-safe base64, as `kafka-storage random-uuid` makes,
  // and like Kafka's own never starting with '-': the tool would read it as an option (1 in 64).
  let clusterId = randomBytes(16).toString('base64url');
  while (clusterId.startsWith('-')) clusterId = randomBytes(16).toString('base64url');
  const res = spawnSync('java', ['-cp', `${jars}/*`, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', props, ...extra], { encoding: 'utf8' });
  if (res.status !== 0) throw new StackError(NAME, `formatting storage in ${data} failed: ${(res.stderr || res.stdout).trim().split('\n').pop()}`);
  say(NAME, `storage formatted in ${data}`);
};
