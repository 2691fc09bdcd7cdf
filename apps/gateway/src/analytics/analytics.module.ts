import { Module } from '@nestjs/common';
import { ANALYTICS_RESOLVERS } from './analytics.resolvers';
import { SalesReportHandler } from './sales-report/sales-report.handler';
import { SalesReportReader } from './sales-report.reader';

/** Reports from the warehouse (schema analytics), which the consumers app keeps. */
@Module({
  providers: [...ANALYTICS_RESOLVERS, SalesReportHandler, SalesReportReader],
})
export class AnalyticsModule {}
