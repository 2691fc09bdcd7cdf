import { of, throwError } from 'rxjs';
import { loadConfig } from '@app/config';
import { COMMANDS, type CommandMessage, type ProcessPaymentData } from '@app/commands';
import { securityOf } from '../../../../test/support/command-security';
import { PaymentClient, type PaymentTransport } from './payment-client';

const data: ProcessPaymentData = { orderId: '6f1c3c1e-7c57-4f57-9a57-3e0c1a1f2b3c', amountCents: 2500, paymentToken: 'tok_visa' };

const clientWith = (emit: jest.Mock) => new PaymentClient(loadConfig({ NODE_ENV: 'test' }), { emit, connect: jest.fn(), close: jest.fn() } as unknown as PaymentTransport, securityOf('order'));

const signedBy = expect.objectContaining({ sender: 'order', signature: expect.any(String) });
const causeIn = (correlationId: string, traceparent?: string) => ({ eventId: 'e-1', correlationId, userId: null, ...(traceparent ? { traceparent } : {}) });

describe('PaymentClient', () => {
  it('sends processPayment one way, keyed by the order, with commandId pay:<orderId>, signed by the order service', async () => {
    const emit = jest.fn(() => of(undefined));

    await expect(clientWith(emit).request(data, causeIn('corr-1'))).resolves.toBeUndefined();
    const calls = emit.mock.calls as unknown as [string, { key: string; value: CommandMessage<ProcessPaymentData> }][];
    expect(calls).toEqual([[COMMANDS.processPayment, { key: data.orderId, value: { commandId: `pay:${data.orderId}`, correlationId: 'corr-1', issuedBy: null, data, auth: signedBy } }]]);
  });

  it('sends refundPayment one way, keyed by the order, with commandId refund:<orderId>', async () => {
    const emit = jest.fn(() => of(undefined));

    await clientWith(emit).refund(data.orderId, causeIn('corr-2'));
    const { orderId } = data;
    expect(emit.mock.calls).toEqual([[COMMANDS.refundPayment, { key: orderId, value: { commandId: `refund:${orderId}`, correlationId: 'corr-2', issuedBy: null, data: { orderId }, auth: signedBy } }]]);
  });

  it("carries the trace context of the event it reacts to (tracing off here: the event's own), and none when the event has none", async () => {
    const emit = jest.fn(() => of(undefined));
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

    await clientWith(emit).request(data, causeIn('corr-3', traceparent));
    await clientWith(emit).refund(data.orderId, causeIn('corr-4'));
    const values = (emit.mock.calls as unknown as [string, { value: CommandMessage }][]).map(([, { value }]) => value);
    expect(values[0].traceparent).toBe(traceparent);
    expect('traceparent' in values[1]).toBe(false);
  });

  it('throws when the broker does not take the request, so the saga step is retried', async () => {
    await expect(clientWith(jest.fn(() => throwError(() => new Error('broker down')))).request(data, causeIn('c'))).rejects.toThrow('broker down');
  });
});
