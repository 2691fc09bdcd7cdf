import type { HealthCheckAttempt } from '@nestjs/terminus';

export interface DependencyHealthIndicator {
  isHealthy(): HealthCheckAttempt;
}
