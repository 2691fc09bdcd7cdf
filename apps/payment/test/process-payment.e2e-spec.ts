import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ClientKafka } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { lastValueFrom, timeout } from 'rxjs';
import { COMMANDS, type CommandReply, type ProcessPaymentResult, startCommandServer } from '@app/commands';
import { loadConfig } from '@app/config';
import { sealFor, signedAs } from '../../../test/support/command-security';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import { ProcessPaymentCommand } from '../src/commands/process-payment/process-payment.command';
import { PAYMENT_SETTINGS } from '../src/payment-settings';
import { PaymentProvider } from '../src/provider/payment-provider';

assertTestDatabase();

const run = randomUUID().slice(0, 8);
const config = loadConfig();
// Short, so that the never-answering tok_timeout costs a second per attempt, not five.
const PROVIDER_TIMEOUT_MS = 1000;
// A token text unique to this run, so that finding it anywhere means we leaked it.
const secretToken = `tok_visa_secret_${run}`;

describe('the payment service over Kafka request/reply', () => {
  let app: INestApplication;
  let client: ClientKafka;
  let db: Pool;
  let charges: jest.SpyInstance;

  /**
   * As the order saga sends it: signed by the order service, the card token sealed (by the
   * gateway) to the payment service. `as` and `clearToken` make the forgeries below.
   */
  const send = (
    data: Record<string, unknown>,
    commandId: string = randomUUID(),
    timeoutMs = 20000,
    { as = 'order', clearToken = false }: { as?: 'order' | 'gateway'; clearToken?: boolean } = {},
  ): Promise<CommandReply<ProcessPaymentResult>> => {
    const token = data.paymentToken;
    const sealed = typeof token === 'string' && !clearToken ? { ...data, paymentToken: sealFor('payment', 'paymentToken', token) } : data;
    const value = signedAs(as, COMMANDS.processPayment, { commandId, correlationId: `corr-${commandId}`, issuedBy: null, data: sealed });
    return lastValueFrom(client.send<CommandReply<ProcessPaymentResult>>(COMMANDS.processPayment, { key: commandId, value }).pipe(timeout(timeoutMs)));
  };
  const pay = (orderId: string, paymentToken = secretToken, amountCents = 4200, commandId?: string) => send({ orderId, amountCents, paymentToken }, commandId);
  const paymentEvents = async (paymentId: string) =>
    (await db.query(`SELECT event_type, schema_version, payload, metadata FROM payments.events WHERE stream_id = $1 ORDER BY stream_version`, [`payment-${paymentId}`])).rows;
  const paymentRow = async (orderId: string) => (await db.query(`SELECT * FROM payments.payments WHERE order_id = $1`, [orderId])).rows;
  const chargesFor = (orderId: string) => charges.mock.calls.filter(([request]) => request.idempotencyKey === orderId).length;

  beforeAll(async () => {
    db = new Pool({ connectionString: config.databaseUrl, max: 2 });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(PAYMENT_SETTINGS)
      // Reconciling rarely: the tests below look at PENDING payments as the requests left them.
      .useValue({ providerTimeoutMs: PROVIDER_TIMEOUT_MS, reconcileMs: 600_000, localSlowMs: 100 })
      .compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    // A group of this run: a payment service running elsewhere on this broker must not take our commands.
    await startCommandServer(app, { clientId: `payment-e2e-${run}`, groupId: `payment-commands-e2e-${run}` });
    await app.listen(0, '127.0.0.1');
    // The real LocalPaymentProvider instance, observed rather than replaced.
    charges = jest.spyOn(app.get(PaymentProvider), 'charge');
    client = new ClientKafka({
      client: { clientId: `payment-e2e-client-${run}`, brokers: config.kafka.brokers, logLevel: logLevel.WARN },
      consumer: { groupId: `payment-e2e-client-${run}` },
      postfixId: '',
    });
    client.subscribeToResponseOf(COMMANDS.processPayment);
    await client.connect();
    // Both new groups start at the latest offset once they have joined; until then a request is
    // lost, so ask (with input that never reaches the provider) until one is answered.
    await waitFor('the payment service to answer a command', () => send({ orderId: 'probe' }, randomUUID(), 3000).then(() => true, () => false), {
      timeoutMs: 90000,
      intervalMs: 100,
    });
  });

  afterAll(async () => {
    charges?.mockRestore();
    await client?.close();
    await app?.close();
    await db?.end();
  });

  const orderId = randomUUID();
  const commandId = randomUUID();
  let first: ProcessPaymentResult;

  it('charges an approved card and answers PROCESSED with the payment id', async () => {
    const reply = await pay(orderId, secretToken, 4200, commandId);

    expect(reply).toEqual({ ok: true, result: { paymentId: expect.any(String), status: 'PROCESSED' } });
    if (!reply.ok) return;
    first = reply.result;
    expect(chargesFor(orderId)).toBe(1);
    expect(await paymentRow(orderId)).toEqual([
      expect.objectContaining({ payment_id: first.paymentId, order_id: orderId, amount_cents: 4200, status: 'PROCESSED', failure_reason: null }),
    ]);
  });

  it('appends exactly one PaymentProcessed to payment-<paymentId>, caused by the command', async () => {
    const events = await paymentEvents(first.paymentId);

    expect(events).toEqual([
      {
        event_type: 'PaymentProcessed',
        schema_version: 1,
        payload: { paymentId: first.paymentId, orderId, amountCents: 4200 },
        metadata: { correlationId: `corr-${commandId}`, causationId: commandId, userId: null },
      },
    ]);
  });

  it('answers the same order again with the same payment, without charging or appending again', async () => {
    const again = await pay(orderId);

    expect(again).toEqual({ ok: true, result: first });
    expect(chargesFor(orderId)).toBe(1);
    expect(await paymentEvents(first.paymentId)).toHaveLength(1);
    expect(await paymentRow(orderId)).toHaveLength(1);
  });

  it('creates one payment and one charge when two requests for a new order run at once', async () => {
    const bus = app.get(CommandBus);
    const racing = randomUUID();
    const command = () => new ProcessPaymentCommand({ orderId: racing, amountCents: 10, paymentToken: secretToken }, { commandId: randomUUID(), correlationId: racing });

    const [a, b] = await Promise.all([bus.execute(command()), bus.execute(command())]);

    expect(b.paymentId).toBe(a.paymentId);
    // The loser answers the row as it found it: PENDING while the winner was still charging.
    expect([a.status, b.status]).toContain('PROCESSED');
    expect(chargesFor(racing)).toBe(1);
    expect(await paymentEvents(a.paymentId)).toHaveLength(1);
  });

  it('records tok_declined as FAILED with one PaymentFailed(DECLINED)', async () => {
    const declined = randomUUID();

    const reply = await pay(declined, 'tok_declined', 999);

    expect(reply).toEqual({ ok: true, result: { paymentId: expect.any(String), status: 'FAILED' } });
    if (!reply.ok) return;
    expect(await paymentRow(declined)).toEqual([expect.objectContaining({ status: 'FAILED', failure_reason: 'DECLINED' })]);
    expect((await paymentEvents(reply.result.paymentId)).map((e) => [e.event_type, e.payload])).toEqual([
      ['PaymentFailed', { paymentId: reply.result.paymentId, orderId: declined, amountCents: 999, reason: 'DECLINED', message: 'card declined' }],
    ]);
  });

  it('answers PENDING and appends nothing when the provider never answers, and asks it again on a later request', async () => {
    const stuck = randomUUID();

    const reply = await pay(stuck, 'tok_timeout');

    expect(reply).toEqual({ ok: true, result: { paymentId: expect.any(String), status: 'PENDING' } });
    if (!reply.ok) return;
    expect(await paymentRow(stuck)).toEqual([expect.objectContaining({ status: 'PENDING', failure_reason: null })]);
    expect(await paymentEvents(reply.result.paymentId)).toEqual([]);

    // The first attempt has given up by now (its reply came after the timeout): the next one asks
    // the provider again, with the same idempotency key, and this time it answers.
    const retried = await pay(stuck, secretToken);

    expect(retried).toEqual({ ok: true, result: { paymentId: reply.result.paymentId, status: 'PROCESSED' } });
    expect(chargesFor(stuck)).toBe(2);
    expect((await paymentEvents(reply.result.paymentId)).map((e) => e.event_type)).toEqual(['PaymentProcessed']);
  });

  it.each([
    ['orderId', { orderId: 'order-1', amountCents: 100, paymentToken: secretToken }],
    ['amountCents', { orderId: randomUUID(), amountCents: 12.5, paymentToken: secretToken }],
    ['amountCents', { orderId: randomUUID(), amountCents: 100_000_001, paymentToken: secretToken }],
    ['paymentToken', { orderId: randomUUID(), amountCents: 100, paymentToken: '' }],
  ])('refuses a bad %s as BAD_USER_INPUT naming it, without charging', async (field, data) => {
    const callsBefore = charges.mock.calls.length;

    const reply = await send(data);

    expect(reply).toEqual({ ok: false, error: { code: 'BAD_USER_INPUT', message: expect.any(String), field } });
    expect(charges.mock.calls.length).toBe(callsBefore);
  });

  it('refuses a card token in clear as BAD_USER_INPUT, and a request the gateway signed as FORBIDDEN, without charging', async () => {
    const callsBefore = charges.mock.calls.length;
    const order = randomUUID();

    expect(await send({ orderId: order, amountCents: 100, paymentToken: secretToken }, randomUUID(), 20000, { clearToken: true })).toEqual({
      ok: false,
      error: { code: 'BAD_USER_INPUT', message: 'paymentToken must be sealed to this service', field: 'paymentToken' },
    });
    // Validly signed, but only the order saga may ask for a charge.
    expect(await send({ orderId: order, amountCents: 100, paymentToken: secretToken }, randomUUID(), 20000, { as: 'gateway' })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('gateway may not send'), field: 'auth' },
    });
    expect(charges.mock.calls.length).toBe(callsBefore);
    expect(await paymentRow(order)).toEqual([]);
  });

  it('refuses the same order with another amount as CONFLICT on amountCents', async () => {
    expect(await pay(orderId, secretToken, 1)).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.any(String), field: 'amountCents' } });
  });

  it('keeps the token text out of every table of the payments schema', async () => {
    const tables = (await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'payments' AND table_type = 'BASE TABLE'`)).rows;
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['payments', 'events']));

    for (const { table_name } of tables) {
      const hits = await db.query(`SELECT count(*)::int AS n FROM payments."${table_name}" t WHERE t::text LIKE $1`, [`%${run}%`]);
      expect({ table: table_name, hits: hits.rows[0].n }).toEqual({ table: table_name, hits: 0 });
    }
  });
});
