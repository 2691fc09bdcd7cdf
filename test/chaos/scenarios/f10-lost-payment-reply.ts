import { randomUUID } from 'node:crypto';
import { waitFor } from '../../support/wait-for';
import { afterOrders } from './owned';
import { type Scenario, standardPlan } from './scenario';

const SLOW_ORDERS = 12;

/** Of the orders `ids`: how many are final, and how many were cancelled by the deadline yet paid. */
const outcome = async (ctx: Parameters<Scenario['inject']>[0], ids: string[]): Promise<{ final: number; timedOut: number; raced: number }> =>
  (await ctx.state.db.query<{ final: number; timedOut: number; raced: number }>(
    `SELECT count(*)::int AS final,
            (count(*) FILTER (WHERE o.event_type = 'OrderCancelled' AND o.payload->>'reason' = 'PAYMENT_TIMEOUT'))::int AS "timedOut",
            (count(*) FILTER (WHERE o.event_type = 'OrderCancelled' AND o.payload->>'reason' = 'PAYMENT_TIMEOUT'
               AND EXISTS (SELECT 1 FROM payments.events p WHERE p.event_type = 'PaymentProcessed' AND p.payload->>'orderId' = o.payload->>'orderId')))::int AS raced
     FROM orders.events o WHERE o.event_type IN ('OrderConfirmed', 'OrderCancelled') AND o.payload->>'orderId' = ANY($1)`,
    [ids],
  )).rows[0];

/**
 * The payment's answer comes too late: with a 1 s payment deadline, `tok_slow` payments (the
 * local provider approves them after PAYMENT_LOCAL_SLOW_MS, 3 s) succeed after the saga has
 * cancelled their orders. Each such order must be refunded (PaymentRefunded, OrderRefunded).
 */
export const F10: Scenario = {
  id: 'F10',
  title: 'a payment reply lost: deadline fires, payment succeeds, refund follows',
  needsOwnedInfra: false,
  plan: standardPlan,
  settings: { order: { PAYMENT_DEADLINE_MS: '1000' }, payment: { PAYMENT_LOCAL_SLOW_MS: '3000' } },
  async inject(ctx, traffic, record) {
    await afterOrders(traffic, record, 5);
    const buyer = await traffic.ops.register(`slow-${randomUUID().slice(0, 8)}@example.com`);
    ctx.log(`${SLOW_ORDERS} orders paid with tok_slow`);
    const ids = (await Promise.all(Array.from({ length: SLOW_ORDERS }, () => traffic.ops.tolerant(() => traffic.ops.createOrder(buyer.token, traffic.sku, 'tok_slow')))))
      .filter((id): id is string => id !== undefined);
    // Ended, and past the provider's slowness: a tok_slow payment approves PAYMENT_LOCAL_SLOW_MS after it began.
    const settled = await waitFor('the tok_slow orders to end', async () => {
      const now = await outcome(ctx, ids);
      return now.final >= ids.length ? now : undefined;
    }, { timeoutMs: 120_000, intervalMs: 500 });
    // Then every order the deadline cancelled should see its payment go through: count them once they have.
    await waitFor('the late payments to be recorded', async () => {
      const now = await outcome(ctx, ids);
      return now.timedOut > 0 && now.raced >= now.timedOut;
    }, { timeoutMs: 30_000, intervalMs: 500 }).catch(() => undefined);
    const { raced } = await outcome(ctx, ids);
    if (raced === 0) record.problems.push(`fault not exercised: none of ${settled.final} tok_slow orders was paid after its deadline cancelled it`);
    record.notes.push(`${ids.length} tok_slow orders; ${raced} cancelled by the deadline and paid all the same`);
  },
};
