import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { DependencyHealthIndicator } from './dependency-health-indicator';
import { HEALTH_TIMEOUT_MS } from './health.constants';

@Injectable()
export class KafkaHealthIndicator implements DependencyHealthIndicator, OnModuleDestroy {
  private readonly admin: Admin;
  private connecting?: Promise<void>;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.admin = new Kafka({
      clientId: 'health',
      ...config.kafka,
      connectionTimeout: 1000,
      // Fail fast: /health reports the outage; kafkajs' own retries would outlast the timeout.
      retry: { retries: 0 },
      // The outage is already in the /health answer; kafkajs would also log it on every probe.
      logLevel: logLevel.NOTHING,
    }).admin();
  }

  isHealthy() {
    return this.indicators
      .check('kafka')
      .attempt(async () => {
        await this.connect();
        const { brokers, controller } = await this.admin.describeCluster();
        return { brokers: brokers.length, controller };
      })
      .withTimeout(HEALTH_TIMEOUT_MS);
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin.disconnect();
  }

  // One admin connection serves every probe; kafkajs reconnects it on use after a broker
  // restart, but a failed first connect must be retried from scratch.
  private connect(): Promise<void> {
    this.connecting ??= this.admin.connect().catch((error) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }
}
