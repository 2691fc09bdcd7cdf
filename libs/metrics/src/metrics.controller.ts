import { Controller, Get, Header, Headers, Inject, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { register } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { metricsAccess } from './metrics-access';

@Controller()
export class MetricsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Prometheus' text format: this process's instruments (./instruments) and the sampled gauges. */
  @Get('metrics')
  @Header('Content-Type', register.contentType)
  async metrics(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const access = metricsAccess(this.config, authorization);
    if (access === 'off') throw new NotFoundException();
    if (access === 'refused') throw new UnauthorizedException('a bearer token (METRICS_TOKEN) is required');
    return register.metrics();
  }
}
