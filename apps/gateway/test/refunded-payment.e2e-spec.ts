import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { assertTestDatabase } from '../../../test/support/test-env';
import { signTestToken } from '../../../test/support/tokens';
import { type ScratchGateway, startScratchGateway } from './support/scratch-gateway';

assertTestDatabase();

// Nothing here may reach a service: if something did, it fails fast.
const config = { ...loadConfig(), commandTimeoutMs: 1000 };
const ownerId = randomUUID();
const token = signTestToken(config.jwtSecret, ownerId, 'CUSTOMER');
const refundedOrder = randomUUID();
const timedOutOrder = randomUUID();
const paymentId = randomUUID();
const PAID_AT = '2026-04-01T10:00:05.000Z';

async function seed(ds: DataSource): Promise<void> {
  await ds.query(`INSERT INTO read_model.user_view (id, email, name, role, registered_at, version) VALUES ($1, 'x@example.com', 'x', 'CUSTOMER', now(), 1)`, [ownerId]);
  for (const [id, reason] of [[refundedOrder, 'PAYMENT_TIMEOUT'], [timedOutOrder, 'FULFILMENT_TIMEOUT']]) {
    await ds.query(
      `INSERT INTO read_model.order_view (id, user_id, status, lines, total_cents, cancellation_reason, created_at, updated_at, version)
       VALUES ($1, $2, 'CANCELLED', '[{"sku":"sku-a","quantity":1,"unitPriceCents":700}]', 700, $3, now(), now(), 3)`,
      [id, ownerId, reason],
    );
  }
  await ds.query(
    `INSERT INTO read_model.payment_view (id, order_id, amount_cents, status, failure_reason, processed_at, version) VALUES ($1, $2, 700, 'REFUNDED', NULL, $3, 2)`,
    [paymentId, refundedOrder, PAID_AT],
  );
}

describe('the gateway on cancelled orders: a refunded payment and a fulfilment timeout', () => {
  let gateway: ScratchGateway;

  beforeAll(async () => {
    gateway = await startScratchGateway(config, seed);
  });

  afterAll(() => gateway?.close());

  const order = async (id: string) => {
    const query = `query($id: ID!) { order(id: $id) { status cancellationReason payment { id status amountCents failureReason processedAt } } }`;
    const res = await request(gateway.app.getHttpServer()).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query, variables: { id } });
    return res.body;
  };

  it('shows the payment of a refunded order as REFUNDED', async () => {
    expect(await order(refundedOrder)).toEqual({
      data: { order: { status: 'CANCELLED', cancellationReason: 'PAYMENT_TIMEOUT', payment: { id: paymentId, status: 'REFUNDED', amountCents: 700, failureReason: null, processedAt: PAID_AT } } },
    });
  });

  it('shows an order cancelled for FULFILMENT_TIMEOUT, with no payment', async () => {
    expect(await order(timedOutOrder)).toEqual({ data: { order: { status: 'CANCELLED', cancellationReason: 'FULFILMENT_TIMEOUT', payment: null } } });
  });
});
