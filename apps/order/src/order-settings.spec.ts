import { loadOrderSettings } from './order-settings';

describe('loadOrderSettings', () => {
  it('defaults to 120 s from creation and 30 s from the payment request, scanned every 500 ms', () => {
    expect(loadOrderSettings({})).toEqual({ orderDeadlineMs: 120000, paymentDeadlineMs: 30000, deadlineScanMs: 500 });
  });

  it('reads the variables, an empty one meaning unset', () => {
    expect(loadOrderSettings({ ORDER_DEADLINE_MS: '9000', PAYMENT_DEADLINE_MS: '1500', PAYMENT_DEADLINE_SCAN_MS: '100', PAYMENT_DEADLINE_ALERT: '' })).toEqual({
      orderDeadlineMs: 9000,
      paymentDeadlineMs: 1500,
      deadlineScanMs: 100,
    });
  });

  it('names every invalid variable', () => {
    expect(() => loadOrderSettings({ PAYMENT_DEADLINE_MS: 'soon', PAYMENT_DEADLINE_SCAN_MS: '0' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', variables: ['PAYMENT_DEADLINE_MS', 'PAYMENT_DEADLINE_SCAN_MS'] }),
    );
  });
});
