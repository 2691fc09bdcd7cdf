import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kafkaReachable } from '../../../scripts/stack/kafka';
import { formatKafkaStorageOnce, kafkaLog4j, kafkaServerProperties } from '../../../scripts/stack/kafka-files';
import { KAFKA_VERSION, serviceDir } from '../../../scripts/stack/paths';
import { waitFor } from '../../support/wait-for';
import { OwnedProcess } from './owned-process';

/** The jars the stack fetched from Maven Central (scripts/stack/kafka.ts); ChaosInfra makes sure they are there. */
export const KAFKA_LIBS = join(serviceDir('kafka'), `libs-${KAFKA_VERSION}`);

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
    // The stack's single-node KRaft settings, on ports and a data folder of our own.
    writeFileSync(props, kafkaServerProperties({ port, controllerPort, dataDir: data }));
    writeFileSync(join(dir, 'log4j2.properties'), kafkaLog4j('WARN'));
    formatKafkaStorageOnce(KAFKA_LIBS, props, data);
    this.proc = new OwnedProcess('kafka', 'java',
      ['-Xms256m', '-Xmx512m', '-XX:+UseG1GC', `-Dlog4j2.configurationFile=${join(dir, 'log4j2.properties')}`, '-cp', `${KAFKA_LIBS}/*`, 'kafka.Kafka', props],
      { logFile: join(dir, 'kafka.log'), pidFile: join(dir, 'kafka.pid') });
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.port}`];
  }

  async start(): Promise<void> {
    this.proc.start();
    await waitFor(`the chaos Kafka broker on ${this.port} (log: ${this.proc.logFile})`, () => kafkaReachable(this.brokers), { timeoutMs: 120000, intervalMs: 500 });
  }

  kill(): Promise<void> {
    return this.proc.kill();
  }

  stop(): Promise<void> {
    return this.proc.stop();
  }
}
