import { CreateAnalytics1764500100000 } from './1764500100000-create-analytics';

export const ANALYTICS_MIGRATIONS = [CreateAnalytics1764500100000];
