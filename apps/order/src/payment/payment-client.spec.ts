import { Logger } from '@nestjs/common';
import { NEVER, of, throwError } from 'rxjs';
import { loadConfig } from '@app/config';
import { COMMANDS, replyTopic, type CommandMessage, type ProcessPaymentData } from '@app/commands';
import { loadOrderSettings } from '../order-settings';
import { PaymentClient, PaymentRequestRefused, type PaymentTransport } from './payment-client';

const settings = { ...loadOrderSettings({}), paymentReplyTimeoutMs: 50 };
const data: ProcessPaymentData = { orderId: '6f1c3c1e-7c57-4f57-9a57-3e0c1a1f2b3c', amountCents: 2500, paymentToken: 'tok_visa' };

const clientWith = (send: jest.Mock, assignments: Record<string, number> = { [replyTopic(COMMANDS.processPayment)]: 0 }) => {
  const transport = { send, connect: jest.fn(), close: jest.fn(), getConsumerAssignments: () => assignments } as unknown as PaymentTransport;
  return new PaymentClient(loadConfig({}), settings, transport);
};

const sentMessages = (send: jest.Mock) => (send.mock.calls as [string, { key: string; value: CommandMessage<ProcessPaymentData> }][]).map(([pattern, m]) => ({ pattern, ...m }));

describe('PaymentClient', () => {
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterAll(() => jest.restoreAllMocks());

  it('sends processPayment keyed by the order, with commandId pay:<orderId>, as the system', async () => {
    const send = jest.fn(() => of({ ok: true, result: { paymentId: 'p-1', status: 'PROCESSED' } }));

    await expect(clientWith(send).process(data, 'corr-1')).resolves.toEqual({ paymentId: 'p-1', status: 'PROCESSED' });
    expect(sentMessages(send)).toEqual([
      { pattern: COMMANDS.processPayment, key: data.orderId, value: { commandId: `pay:${data.orderId}`, correlationId: 'corr-1', issuedBy: null, data } },
    ]);
  });

  it('resends a timed-out request once with the same commandId', async () => {
    const send = jest.fn().mockReturnValueOnce(NEVER).mockReturnValueOnce(of({ ok: true, result: { paymentId: 'p-2', status: 'PENDING' } }));

    await expect(clientWith(send).process(data, 'corr-2')).resolves.toEqual({ paymentId: 'p-2', status: 'PENDING' });
    const [first, second] = sentMessages(send);
    expect(second.value.commandId).toBe(first.value.commandId);
  });

  it('gives up quietly after the resend times out too: the payment deadline decides', async () => {
    const send = jest.fn(() => NEVER);

    await expect(clientWith(send).process(data, 'corr-3')).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('throws when the request cannot be sent or is refused, so the saga step is retried', async () => {
    await expect(clientWith(jest.fn(() => throwError(() => new Error('broker down')))).process(data, 'c')).rejects.toThrow('broker down');
    const refused = clientWith(jest.fn(() => of({ ok: false, error: { code: 'INTERNAL', message: 'boom' } })));
    await expect(refused.process(data, 'c')).rejects.toThrow(PaymentRequestRefused);
  });

  it('never puts the token into an error message', async () => {
    const refused = clientWith(jest.fn(() => of({ ok: false, error: { code: 'BAD_USER_INPUT', message: 'bad amount' } })));
    await expect(refused.process(data, 'c')).rejects.toThrow(expect.objectContaining({ message: expect.not.stringContaining('tok_visa') }));
  });
});
