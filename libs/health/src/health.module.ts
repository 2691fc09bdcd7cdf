import { type DynamicModule, Module } from '@nestjs/common';
import { ElasticsearchModule } from '@nestjs/elasticsearch';
import { TerminusModule } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { ElasticsearchHealthIndicator } from './elasticsearch.health';
import { HEALTH_INDICATORS, HEALTH_TIMEOUT_MS } from './health.constants';
import { HealthController } from './health.controller';
import { KafkaHealthIndicator } from './kafka.health';
import { PostgresHealthIndicator } from './postgres.health';
import { SmtpHealthIndicator } from './smtp.health';

const INDICATORS = {
  kafka: KafkaHealthIndicator,
  postgres: PostgresHealthIndicator,
  elasticsearch: ElasticsearchHealthIndicator,
  smtp: SmtpHealthIndicator,
};

export type Dependency = keyof typeof INDICATORS;

export interface HealthModuleOptions {
  /** The dependencies `GET /health` checks; only their clients are created. */
  checks: Dependency[];
}

@Module({})
export class HealthModule {
  static register({ checks }: HealthModuleOptions): DynamicModule {
    const indicators = checks.map((dependency) => INDICATORS[dependency]);
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot(), ...(checks.includes('elasticsearch') ? [elasticsearchClient()] : [])],
      controllers: [HealthController],
      providers: [
        ...indicators,
        { provide: HEALTH_INDICATORS, useFactory: (...all: unknown[]) => all, inject: indicators },
      ],
    };
  }
}

function elasticsearchClient(): DynamicModule {
  return ElasticsearchModule.registerAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({ node: config.elasticsearchNode, requestTimeout: HEALTH_TIMEOUT_MS }),
  });
}
