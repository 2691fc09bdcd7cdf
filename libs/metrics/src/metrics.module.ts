import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** GET /metrics on the app's HTTP port (beside /health). */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}
