import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { DependencyHealthIndicator } from './dependency-health-indicator';
import { HEALTH_TIMEOUT_MS } from './health.constants';

@Injectable()
export class SmtpHealthIndicator implements DependencyHealthIndicator, OnModuleDestroy {
  private readonly transporter: Transporter;

  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // verify() cannot be aborted, so its socket timeouts are what bound it.
    this.transporter = createTransport({
      url: config.smtpUrl,
      connectionTimeout: HEALTH_TIMEOUT_MS,
      greetingTimeout: HEALTH_TIMEOUT_MS,
      socketTimeout: HEALTH_TIMEOUT_MS,
    });
  }

  isHealthy() {
    return this.indicators
      .check('smtp')
      .attempt(async () => {
        await this.transporter.verify();
      })
      .withTimeout(HEALTH_TIMEOUT_MS);
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
