import { loadOrderSettings } from './order-settings';

describe('loadOrderSettings', () => {
  it('defaults to 120 s from creation and 30 s from the payment request, scanned every 500 ms, and 20 open orders per customer', () => {
    expect(loadOrderSettings({})).toEqual({ orderDeadlineMs: 120000, paymentDeadlineMs: 30000, deadlineScanMs: 500, openOrdersPerCustomer: 20 });
  });

  it('reads the variables, an empty one meaning unset', () => {
    const env = { ORDER_DEADLINE_MS: '9000', PAYMENT_DEADLINE_MS: '1500', PAYMENT_DEADLINE_SCAN_MS: '100', PAYMENT_DEADLINE_ALERT: '', ORDER_OPEN_LIMIT_PER_CUSTOMER: '3' };
    expect(loadOrderSettings(env)).toEqual({ orderDeadlineMs: 9000, paymentDeadlineMs: 1500, deadlineScanMs: 100, openOrdersPerCustomer: 3 });
  });

  it('names every invalid variable', () => {
    expect(() => loadOrderSettings({ PAYMENT_DEADLINE_MS: 'soon', PAYMENT_DEADLINE_SCAN_MS: '0', ORDER_OPEN_LIMIT_PER_CUSTOMER: '0' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', variables: ['PAYMENT_DEADLINE_MS', 'PAYMENT_DEADLINE_SCAN_MS', 'ORDER_OPEN_LIMIT_PER_CUSTOMER'] }),
    );
  });
});
