import { Logger } from '@nestjs/common';
import { backoffDelay } from '@app/messaging';
import type { ClaimedDelivery, DeliveryQueue } from './delivery-queue';
import type { DeliverySignal } from './delivery-signal';
import { SEND_RETRY } from './dispatch-policy';
import { MailDispatcher } from './mail-dispatcher';
import type { Mailer } from './mailer';

const delivery = (fields: Partial<ClaimedDelivery> = {}): ClaimedDelivery => ({ id: 'd-1', template: 'WELCOME', attempts: 1, email: 'ada@example.test', name: 'Ada', data: {}, ...fields });

// One pass (dispatchDue) against fakes: the SQL of DeliveryQueue is covered by the e2e suite.
const dispatcherWith = (claimed: ClaimedDelivery[], send: Mailer['send']) => {
  const queue = { claim: jest.fn(async () => claimed), markSent: jest.fn(), markFailed: jest.fn(), release: jest.fn() };
  const mailer = { send: jest.fn(send), close: jest.fn() };
  const dispatcher = new MailDispatcher(queue as unknown as DeliveryQueue, mailer as unknown as Mailer, {} as DeliverySignal);
  return { dispatcher, queue, mailer };
};
const smtpDown = async () => {
  throw Object.assign(new Error('connect ECONNREFUSED smtp://shop:s3cret@mail:25'), { code: 'ESOCKET' });
};

describe('MailDispatcher', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('sends the rendered template to the recipient and marks the delivery SENT', async () => {
    const { dispatcher, queue, mailer } = dispatcherWith([delivery()], async () => undefined);

    expect(await dispatcher.dispatchDue()).toBe(1);

    expect(mailer.send).toHaveBeenCalledWith('d-1', { name: 'Ada', address: 'ada@example.test' }, expect.objectContaining({ subject: 'Welcome to Event Shop' }));
    expect(queue.markSent).toHaveBeenCalledWith('d-1');
    expect(queue.markFailed).not.toHaveBeenCalled();
  });

  it('records an SMTP failure without credentials and retries later, the delay doubling per attempt', async () => {
    const { dispatcher, queue } = dispatcherWith([delivery({ id: 'a', attempts: 1 }), delivery({ id: 'b', attempts: 3 })], smtpDown);

    await dispatcher.dispatchDue();

    expect(queue.markFailed.mock.calls).toEqual([
      ['a', 'ESOCKET: connect ECONNREFUSED smtp://***@mail:25', 1_000],
      ['b', 'ESOCKET: connect ECONNREFUSED smtp://***@mail:25', 4_000],
    ]);
    expect(queue.markSent).not.toHaveBeenCalled();
  });

  it('gives up after the last attempt: the delivery becomes FAILED', async () => {
    const { dispatcher, queue } = dispatcherWith([delivery({ attempts: SEND_RETRY.attempts })], smtpDown);

    await dispatcher.dispatchDue();

    expect(queue.markFailed).toHaveBeenCalledWith('d-1', expect.stringContaining('ESOCKET'), null);
  });

  it('renders an order template from the delivery data', async () => {
    const orderId = '6f1c2a4e-8b1d-4c3e-9a7f-2b5d8e0c1a3f';
    const { dispatcher, mailer } = dispatcherWith([delivery({ template: 'ORDER_CONFIRMED', data: { orderId, amountCents: 2500 } })], async () => undefined);

    await dispatcher.dispatchDue();

    expect(mailer.send).toHaveBeenCalledWith('d-1', expect.anything(), expect.objectContaining({ subject: `Your order ${orderId} is confirmed` }));
  });

  it('fails a delivery whose data its template cannot render at once, without sending anything', async () => {
    const { dispatcher, queue, mailer } = dispatcherWith([delivery({ template: 'ORDER_CONFIRMED', data: {} })], async () => undefined);

    await dispatcher.dispatchDue();

    expect(mailer.send).not.toHaveBeenCalled();
    expect(queue.markFailed).toHaveBeenCalledWith('d-1', 'TEMPLATE_DATA_MISSING: ORDER_CONFIRMED needs data.orderId', null);
  });

  it('rides out a long SMTP outage and retries at most 10 s apart, so queued mails go soon after it ends', () => {
    const delays = Array.from({ length: SEND_RETRY.attempts - 1 }, (_, i) => backoffDelay(SEND_RETRY, i + 1));

    expect(Math.max(...delays)).toBe(10_000);
    // Well beyond the 20-60 s outages the whole-system test plays: minutes before a mail is FAILED.
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThan(5 * 60_000);
  });

  it('fails a delivery of an unknown template at once, without sending anything', async () => {
    const { dispatcher, queue, mailer } = dispatcherWith([delivery({ template: 'NO_SUCH_TEMPLATE' })], async () => undefined);

    await dispatcher.dispatchDue();

    expect(mailer.send).not.toHaveBeenCalled();
    expect(queue.markFailed).toHaveBeenCalledWith('d-1', 'TEMPLATE_UNKNOWN: NO_SUCH_TEMPLATE', null);
  });
});
