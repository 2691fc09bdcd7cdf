import { CreateAnalytics1764500100000 } from './1764500100000-create-analytics';
import { CreateSales1764800000000 } from './1764800000000-create-sales';
import { OrderFactFieldVersions1795400000001 } from './1795400000001-order-fact-field-versions';

export const ANALYTICS_MIGRATIONS = [CreateAnalytics1764500100000, CreateSales1764800000000, OrderFactFieldVersions1795400000001];
