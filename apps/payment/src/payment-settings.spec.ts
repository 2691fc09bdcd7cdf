import { ConfigError } from '@app/config';
import { loadPaymentSettings } from './payment-settings';

describe('loadPaymentSettings', () => {
  it('waits 5 seconds for the provider by default, an empty variable counting as unset', () => {
    expect(loadPaymentSettings({})).toEqual({ providerTimeoutMs: 5000 });
    expect(loadPaymentSettings({ PAYMENT_PROVIDER_TIMEOUT_MS: '' })).toEqual({ providerTimeoutMs: 5000 });
  });

  it('reads PAYMENT_PROVIDER_TIMEOUT_MS', () => {
    expect(loadPaymentSettings({ PAYMENT_PROVIDER_TIMEOUT_MS: '250' })).toEqual({ providerTimeoutMs: 250 });
  });

  it.each(['0', '-5', '1.5', 'soon', '120001'])('refuses %p, naming the variable', (value) => {
    expect(() => loadPaymentSettings({ PAYMENT_PROVIDER_TIMEOUT_MS: value })).toThrow(
      expect.objectContaining({ variables: ['PAYMENT_PROVIDER_TIMEOUT_MS'] }) as ConfigError,
    );
  });
});
