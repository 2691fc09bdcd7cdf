import { metricsAccess } from './metrics-access';

describe('metricsAccess', () => {
  const token = 'a-scrape-token-of-some-length';

  it('is open in development and test without a token, and off in production', () => {
    expect(metricsAccess({ nodeEnv: 'development', metricsToken: undefined }, undefined)).toBe('allowed');
    expect(metricsAccess({ nodeEnv: 'test', metricsToken: undefined }, undefined)).toBe('allowed');
    expect(metricsAccess({ nodeEnv: 'production', metricsToken: undefined }, `Bearer ${token}`)).toBe('off');
  });

  it('asks for the token as a bearer token once one is set, in every environment', () => {
    for (const nodeEnv of ['development', 'production'] as const) {
      expect(metricsAccess({ nodeEnv, metricsToken: token }, `Bearer ${token}`)).toBe('allowed');
      expect(metricsAccess({ nodeEnv, metricsToken: token }, undefined)).toBe('refused');
      expect(metricsAccess({ nodeEnv, metricsToken: token }, `Bearer ${token}x`)).toBe('refused');
      expect(metricsAccess({ nodeEnv, metricsToken: token }, token)).toBe('refused');
    }
  });
});
