import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import type { DependencyHealthIndicator } from './dependency-health-indicator';
import { HEALTH_INDICATORS } from './health.constants';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(HEALTH_INDICATORS) private readonly indicators: DependencyHealthIndicator[],
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check(this.indicators.map((indicator) => () => indicator.isHealthy()));
  }
}
