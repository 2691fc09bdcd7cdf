import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { Pool } from 'pg';
import { loadConfig } from '@app/config';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import { ProcessPaymentCommand } from '../src/commands/process-payment/process-payment.command';
import { RefundPaymentCommand } from '../src/commands/refund-payment/refund-payment.command';
import { PAYMENT_SETTINGS, type PaymentSettings } from '../src/payment-settings';
import { PaymentProvider } from '../src/provider/payment-provider';

assertTestDatabase();

const config = loadConfig();
// tok_slow answers after 1.5 s, within the provider timeout; the reconciler looks every 200 ms.
const SETTINGS: PaymentSettings = { providerTimeoutMs: 2500, reconcileMs: 200, localSlowMs: 1500 };
const meta = () => ({ commandId: randomUUID(), correlationId: `refund-e2e-${randomUUID()}` });

describe('refunds and reconciliation in the payment service', () => {
  let app: INestApplication;
  let bus: CommandBus;
  let db: Pool;
  let charges: jest.SpyInstance;

  const pay = (orderId: string, paymentToken = 'tok_visa') => bus.execute(new ProcessPaymentCommand({ orderId, amountCents: 4200, paymentToken }, meta()));
  const refund = (orderId: string) => bus.execute(new RefundPaymentCommand({ orderId }, meta()));
  const row = async (orderId: string) => (await db.query(`SELECT status, failure_reason, amount_cents FROM payments.payments WHERE order_id = $1`, [orderId])).rows[0];
  const eventsOf = async (orderId: string) =>
    (await db.query(`SELECT event_type, stream_version, payload FROM payments.events WHERE payload->>'orderId' = $1 ORDER BY stream_version`, [orderId])).rows;

  beforeAll(async () => {
    db = new Pool({ connectionString: config.databaseUrl, max: 2 });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).overrideProvider(PAYMENT_SETTINGS).useValue(SETTINGS).compile();
    app = moduleRef.createNestApplication({ logger: ['error'] });
    await app.init();
    bus = app.get(CommandBus);
    charges = jest.spyOn(app.get(PaymentProvider), 'charge');
  });

  afterAll(async () => {
    charges?.mockRestore();
    await app?.close();
    await db?.end();
  });

  it('refunds a processed payment once: REFUNDED, PaymentRefunded after PaymentProcessed, a second refund changes nothing', async () => {
    const orderId = randomUUID();
    const { paymentId } = await pay(orderId);

    expect(await refund(orderId)).toEqual({ paymentId, status: 'REFUNDED' });
    expect(await refund(orderId)).toEqual({ paymentId, status: 'REFUNDED' });

    expect(await row(orderId)).toMatchObject({ status: 'REFUNDED' });
    expect(await eventsOf(orderId)).toEqual([
      { event_type: 'PaymentProcessed', stream_version: 1, payload: { paymentId, orderId, amountCents: 4200 } },
      { event_type: 'PaymentRefunded', stream_version: 2, payload: { paymentId, orderId, amountCents: 4200 } },
    ]);
  });

  it('voids an order cancelled before it was charged: a later request charges nothing and records nothing', async () => {
    const orderId = randomUUID();

    expect(await refund(orderId)).toEqual({ paymentId: expect.any(String), status: 'VOIDED' });
    expect(await pay(orderId)).toEqual({ paymentId: expect.any(String), status: 'VOIDED' });

    expect(charges.mock.calls.filter(([request]) => request.idempotencyKey === orderId)).toEqual([]);
    expect(await eventsOf(orderId)).toEqual([]);
  });

  it('refunds a payment the moment its charge succeeds when the order was cancelled while it was being charged', async () => {
    const orderId = randomUUID();
    const paying = pay(orderId, 'tok_slow');
    await waitFor('the charge to be under way', async () => (await row(orderId))?.status === 'PENDING');

    expect(await refund(orderId)).toMatchObject({ status: 'PENDING' });
    expect(await paying).toMatchObject({ status: 'REFUNDED' });

    expect((await eventsOf(orderId)).map((e) => e.event_type)).toEqual(['PaymentProcessed', 'PaymentRefunded']);
  });

  it('reconciles a payment left PENDING that the provider never charged: FAILED, PaymentFailed TIMEOUT', async () => {
    const orderId = randomUUID();
    expect(await pay(orderId, 'tok_timeout')).toMatchObject({ status: 'PENDING' });

    const failed = await waitFor('the reconciler to settle it', async () => (await row(orderId))?.status === 'FAILED' && row(orderId), { timeoutMs: 30000 });
    expect(failed).toMatchObject({ failure_reason: 'TIMEOUT' });
    expect(await eventsOf(orderId)).toEqual([
      { event_type: 'PaymentFailed', stream_version: 1, payload: expect.objectContaining({ orderId, reason: 'TIMEOUT', message: 'the payment provider never completed the charge' }) },
    ]);
  });

  it('reconciles a payment the provider charged but whose answer was lost: PROCESSED, PaymentProcessed', async () => {
    const orderId = randomUUID();
    // The provider charged (it remembers), and the process that asked died before recording it.
    await app.get(PaymentProvider).charge({ idempotencyKey: orderId, amountCents: 4200, token: 'tok_visa' });
    await db.query(`INSERT INTO payments.payments (payment_id, order_id, amount_cents, status, updated_at) VALUES ($1, $2, 4200, 'PENDING', now() - interval '1 hour')`, [
      randomUUID(),
      orderId,
    ]);

    await waitFor('the reconciler to settle it', async () => (await row(orderId))?.status === 'PROCESSED', { timeoutMs: 30000 });
    expect((await eventsOf(orderId)).map((e) => e.event_type)).toEqual(['PaymentProcessed']);
  });
});
