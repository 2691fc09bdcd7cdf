import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ElasticsearchService } from '@nestjs/elasticsearch';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { DependencyHealthIndicator } from './dependency-health-indicator';
import { HEALTH_TIMEOUT_MS } from './health.constants';

@Injectable()
export class ElasticsearchHealthIndicator implements DependencyHealthIndicator, OnModuleDestroy {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly elasticsearch: ElasticsearchService,
  ) {}

  isHealthy() {
    return this.indicators
      .check('elasticsearch')
      .attempt(async ({ signal }) => {
        // Not ping(): the minimal distribution we run locally has no `HEAD /`.
        const { status, number_of_nodes } = await this.elasticsearch.cluster.health({}, { signal, maxRetries: 0 });
        // Yellow only means replicas are unassigned, which a single node always has.
        if (status === 'red') throw new Error('cluster status is red');
        return { clusterStatus: status, nodes: number_of_nodes };
      })
      .withTimeout(HEALTH_TIMEOUT_MS);
  }

  // @nestjs/elasticsearch leaves its client open, and its keep-alive sockets outlive the app.
  async onModuleDestroy(): Promise<void> {
    await this.elasticsearch.close();
  }
}
