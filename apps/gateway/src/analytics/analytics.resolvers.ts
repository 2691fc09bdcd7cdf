import { SalesReportResolver } from './sales-report/sales-report.resolver';

/** Also read by the schema-contract spec (through GATEWAY_RESOLVERS). */
export const ANALYTICS_RESOLVERS = [SalesReportResolver];
