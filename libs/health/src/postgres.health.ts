import { Injectable } from '@nestjs/common';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { DependencyHealthIndicator } from './dependency-health-indicator';
import { HEALTH_TIMEOUT_MS } from './health.constants';

/** Pings the app's TypeORM DataSource, so the app must import `DatabaseModule`. */
@Injectable()
export class PostgresHealthIndicator implements DependencyHealthIndicator {
  constructor(private readonly typeOrm: TypeOrmHealthIndicator) {}

  isHealthy() {
    return this.typeOrm.pingCheck('postgres').withTimeout(HEALTH_TIMEOUT_MS);
  }
}
