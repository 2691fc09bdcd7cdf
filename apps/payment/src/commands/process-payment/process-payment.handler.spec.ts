import { Logger } from '@nestjs/common';
import type { ClientBase } from 'pg';
import type { AppendOptions, AppendResult, EventStore } from '@app/event-store';
import type { DomainEvent } from '@app/events';
import type { PaymentSettings } from '../../payment-settings';
import type { Claim, FailureReason, Payment, PaymentsRepository } from '../../payments/payments.repository';
import { PaymentLedger } from '../../payments/payment-ledger';
import { type ChargeOutcome, type ChargeRequest, type LookupOutcome, PaymentProvider, type RefundOutcome } from '../../provider/payment-provider';
import { ProcessPaymentCommand } from './process-payment.command';
import { ProcessPaymentHandler } from './process-payment.handler';

const TIMEOUT_MS = 20;
const orderId = '6f1c2a52-8a3e-4f0b-9d7e-2f3b4c5d6e7f';
const meta = { commandId: 'cmd-1', correlationId: 'corr-1', traceparent: '00-trace-span-01' };
const command = (paymentToken = 'tok_visa', amountCents = 1250) => new ProcessPaymentCommand({ orderId, amountCents, paymentToken }, meta);
const approved: ChargeOutcome = { outcome: 'APPROVED', providerRef: 'ref-1' };

/** The payments table in memory, with a clock the test moves instead of waiting. */
class FakePayments {
  now = 0;
  private rows = new Map<string, Payment & { attemptAt: number }>();

  async findByOrderId(id: string): Promise<Payment | undefined> {
    const row = this.rows.get(id);
    return row && { paymentId: row.paymentId, orderId: row.orderId, amountCents: row.amountCents, status: row.status, failureReason: row.failureReason };
  }

  async claim(p: Pick<Payment, 'paymentId' | 'orderId' | 'amountCents'>, staleAfterMs: number): Promise<Claim> {
    const row = this.rows.get(p.orderId);
    if (!row) this.rows.set(p.orderId, { ...p, status: 'PENDING', failureReason: null, attemptAt: this.now });
    else if (row.status === 'PENDING' && row.attemptAt <= this.now - staleAfterMs) row.attemptAt = this.now;
    else return { payment: (await this.findByOrderId(p.orderId))!, claimed: false };
    return { payment: (await this.findByOrderId(p.orderId))!, claimed: true };
  }

  async settle(_tx: ClientBase, paymentId: string, status: 'PROCESSED' | 'FAILED', failureReason: FailureReason | null): Promise<Payment | undefined> {
    const row = [...this.rows.values()].find((r) => r.paymentId === paymentId && r.status === 'PENDING');
    if (!row) return undefined;
    Object.assign(row, { status, failureReason });
    return this.findByOrderId(row.orderId);
  }

  async transaction<T>(work: (tx: ClientBase) => Promise<T>): Promise<T> {
    const before = new Map([...this.rows].map(([k, v]) => [k, { ...v }]));
    try {
      return await work({} as ClientBase);
    } catch (err) {
      this.rows = before;
      throw err;
    }
  }
}

class FakeStore {
  readonly appends: { streamId: string; expectedVersion: number; events: readonly DomainEvent[]; opts: AppendOptions }[] = [];

  async append(streamId: string, expectedVersion: number, events: readonly DomainEvent[], opts: AppendOptions): Promise<AppendResult> {
    this.appends.push({ streamId, expectedVersion, events, opts });
    return { streamId, version: 1, position: String(this.appends.length), duplicate: false };
  }
}

/** Answers each charge with what the test queued (default: approve), recording every request. */
class FakeProvider extends PaymentProvider {
  readonly requests: ChargeRequest[] = [];
  readonly answers: (() => Promise<ChargeOutcome>)[] = [];

  charge(request: ChargeRequest): Promise<ChargeOutcome> {
    this.requests.push(request);
    return (this.answers.shift() ?? (() => Promise.resolve(approved)))();
  }

  refund(): Promise<RefundOutcome> {
    return Promise.reject(new Error('not used here'));
  }

  lookup(): Promise<LookupOutcome> {
    return Promise.reject(new Error('not used here'));
  }
}

const never = () => new Promise<never>(() => {});

describe('ProcessPaymentHandler', () => {
  let payments: FakePayments;
  let store: FakeStore;
  let provider: FakeProvider;
  let handler: ProcessPaymentHandler;
  let warn: jest.SpyInstance;

  beforeEach(() => {
    payments = new FakePayments();
    store = new FakeStore();
    provider = new FakeProvider();
    const settings: PaymentSettings = { providerTimeoutMs: TIMEOUT_MS, reconcileMs: 1000, localSlowMs: 10 };
    handler = handlerWith(settings);
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => warn.mockRestore());

  function handlerWith(settings: Pick<PaymentSettings, 'providerTimeoutMs'>): ProcessPaymentHandler {
    const repository = payments as unknown as PaymentsRepository;
    return new ProcessPaymentHandler(repository, new PaymentLedger(repository, store as unknown as EventStore, provider, settings), provider, settings);
  }

  it('charges the order once, records PROCESSED and appends PaymentProcessed to a new payment stream', async () => {
    const result = await handler.execute(command());

    expect(result).toEqual({ paymentId: expect.any(String), status: 'PROCESSED' });
    expect(provider.requests).toEqual([{ idempotencyKey: orderId, amountCents: 1250, token: 'tok_visa' }]);
    expect(await payments.findByOrderId(orderId)).toEqual({ paymentId: result.paymentId, orderId, amountCents: 1250, status: 'PROCESSED', failureReason: null });
    expect(store.appends).toEqual([
      {
        streamId: `payment-${result.paymentId}`,
        expectedVersion: 0,
        events: [expect.objectContaining({ type: 'PaymentProcessed', payload: { paymentId: result.paymentId, orderId, amountCents: 1250 } })],
        opts: { tx: expect.anything(), idempotencyKey: `payment:${orderId}`, metadata: { correlationId: 'corr-1', causationId: 'cmd-1', userId: null, traceparent: '00-trace-span-01' } },
      },
    ]);
  });

  it('records a decline as FAILED with PaymentFailed(DECLINED) carrying the provider message', async () => {
    provider.answers.push(() => Promise.resolve({ outcome: 'DECLINED', message: 'card declined' }));

    const result = await handler.execute(command());

    expect(result.status).toBe('FAILED');
    expect((await payments.findByOrderId(orderId))?.failureReason).toBe('DECLINED');
    expect(store.appends[0].events[0]).toMatchObject({ type: 'PaymentFailed', payload: { paymentId: result.paymentId, orderId, amountCents: 1250, reason: 'DECLINED', message: 'card declined' } });
  });

  it.each([
    ['approved', approved],
    ['declined', { outcome: 'DECLINED', message: 'card declined' } as const],
  ])('answers a later request for a %s order with the first outcome, without charging or appending again', async (_case, outcome) => {
    provider.answers.push(() => Promise.resolve(outcome));
    const first = await handler.execute(command());
    payments.now += 60_000;

    expect(await handler.execute(command('tok_other'))).toEqual(first);
    expect(provider.requests).toHaveLength(1);
    expect(store.appends).toHaveLength(1);
  });

  it('leaves the payment PENDING, appends nothing and answers PENDING when the provider does not answer in time', async () => {
    provider.answers.push(never);

    const result = await handler.execute(command());

    expect(result).toEqual({ paymentId: expect.any(String), status: 'PENDING' });
    expect((await payments.findByOrderId(orderId))?.status).toBe('PENDING');
    expect(store.appends).toEqual([]);
  });

  it('treats a failed provider call as unknown (PENDING), and logs it without the token', async () => {
    provider.answers.push(() => Promise.reject(new Error('bad token tok_secret_9 at gateway')));

    expect((await handler.execute(command('tok_secret_9'))).status).toBe('PENDING');
    expect(store.appends).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).not.toContain('tok_secret_9');
  });

  it('answers PENDING without asking the provider while an earlier attempt may still be waiting', async () => {
    provider.answers.push(never);
    const first = await handler.execute(command());
    payments.now += TIMEOUT_MS - 1;

    expect(await handler.execute(command())).toEqual(first);
    expect(provider.requests).toHaveLength(1);
  });

  it('asks the provider again, with the same idempotency key, once the earlier attempt has given up', async () => {
    provider.answers.push(never);
    const first = await handler.execute(command());
    payments.now += TIMEOUT_MS;

    const retried = await handler.execute(command());

    expect(retried).toEqual({ paymentId: first.paymentId, status: 'PROCESSED' });
    expect(provider.requests.map((r) => r.idempotencyKey)).toEqual([orderId, orderId]);
    expect(store.appends).toHaveLength(1);
  });

  it('records only the first answer when two attempts both get one, and both answer with it', async () => {
    let answerFirst!: (o: ChargeOutcome) => void;
    let answerSecond!: (o: ChargeOutcome) => void;
    provider.answers.push(() => new Promise((resolve) => (answerFirst = resolve)));
    provider.answers.push(() => new Promise((resolve) => (answerSecond = resolve)));
    handler = handlerWith({ providerTimeoutMs: 60_000 });
    const first = handler.execute(command());
    await waitUntil(() => provider.requests.length === 1);
    payments.now += 60_000;
    const second = handler.execute(command());
    await waitUntil(() => provider.requests.length === 2);

    answerSecond({ outcome: 'DECLINED', message: 'card declined' });
    const secondResult = await second;
    answerFirst(approved);

    expect(await first).toEqual(secondResult);
    expect(secondResult.status).toBe('FAILED');
    expect(store.appends).toHaveLength(1);
  });

  it('refuses the same order with another amount as CONFLICT on amountCents, without charging', async () => {
    await handler.execute(command());

    await expect(handler.execute(command('tok_visa', 999))).rejects.toMatchObject({ code: 'CONFLICT', field: 'amountCents' });
    expect(provider.requests).toHaveLength(1);
  });

  it('keeps the token out of the event even when the provider echoes it in a decline', async () => {
    provider.answers.push(() => Promise.resolve({ outcome: 'DECLINED', message: 'token tok_secret_7 declined' }));

    await handler.execute(command('tok_secret_7'));

    expect(JSON.stringify(store.appends[0].events)).not.toContain('tok_secret_7');
  });
});

/** Lets the handler's awaits run until `done` holds (they are all in-memory microtasks). */
async function waitUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setImmediate(r));
  if (!done()) throw new Error('the handler never got there');
}
