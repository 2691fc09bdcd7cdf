import { ConfigError } from '@app/config';
import { loadPaymentSettings } from './payment-settings';

describe('loadPaymentSettings', () => {
  const DEFAULTS = { providerTimeoutMs: 5000, reconcileMs: 5000, localSlowMs: 3000 };

  it('waits 5 seconds for the provider and reconciles every 5 s by default, an empty variable counting as unset', () => {
    expect(loadPaymentSettings({})).toEqual(DEFAULTS);
    expect(loadPaymentSettings({ PAYMENT_PROVIDER_TIMEOUT_MS: '' })).toEqual(DEFAULTS);
  });

  it('reads the variables', () => {
    expect(loadPaymentSettings({ PAYMENT_PROVIDER_TIMEOUT_MS: '250', PAYMENT_RECONCILE_MS: '100', PAYMENT_LOCAL_SLOW_MS: '50' })).toEqual({
      providerTimeoutMs: 250,
      reconcileMs: 100,
      localSlowMs: 50,
    });
  });

  it.each(['0', '-5', '1.5', 'soon', '8001'])('refuses %p, naming the variable', (value) => {
    expect(() => loadPaymentSettings({ PAYMENT_PROVIDER_TIMEOUT_MS: value })).toThrow(
      expect.objectContaining({ variables: ['PAYMENT_PROVIDER_TIMEOUT_MS'] }) as ConfigError,
    );
  });
});
