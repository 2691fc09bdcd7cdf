import { timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@app/config';

/**
 * Who may read /metrics. With METRICS_TOKEN set, only a scraper that sends it as a bearer token
 * (Prometheus' `authorization` setting); without it, anyone in development and test, and no one
 * in production (404): the figures name the system's internals, and the gateway faces the internet.
 */
export const metricsAccess = ({ nodeEnv, metricsToken }: Pick<AppConfig, 'nodeEnv' | 'metricsToken'>, authorization: string | undefined): 'allowed' | 'refused' | 'off' => {
  if (!metricsToken) return nodeEnv === 'production' ? 'off' : 'allowed';
  const given = Buffer.from(/^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(metricsToken);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'allowed' : 'refused';
};
