import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { EVENT_REGISTRY, OrderCancelled } from '@app/events';
import { ConcurrencyError, EventStore } from '@app/event-store';
import { waitFor } from '../../support/wait-for';
import { midLoad } from './owned';
import { type Scenario, standardPlan } from './scenario';

/**
 * The open transaction outlives later appends to the same store, and stays open this long. Few:
 * while it is open the relay may publish nothing of this store past it (that is the design), so
 * every order stalls after its OrderCreated and each customer adds just one more append.
 */
const LATER_COMMITS = 3;
const HOLD_MS = 15_000;

const lastOf = async (ctx: Parameters<Scenario['inject']>[0], streamId: string) =>
  (await ctx.state.db.query<{ type: string; version: number }>(
    `SELECT event_type AS type, stream_version AS version FROM orders.events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1`, [streamId])).rows[0];

/**
 * The gap problem, whole system: an order awaiting payment is cancelled by a transaction that
 * appends to the orders store and then stays open while the load commits later positions there.
 * The relay must still publish it once it commits, and everything downstream must follow
 * (stock released, mail, read model, search), as for any cancellation; the orders held up
 * behind it must all go on.
 */
export const F6: Scenario = {
  id: 'F6',
  title: 'an append that commits long after later positions',
  needsOwnedInfra: false,
  plan: standardPlan,
  async inject(ctx, traffic, record) {
    await traffic.ordersDone(10);
    const buyer = await traffic.ops.register(`late-${randomUUID().slice(0, 8)}@example.com`);
    // tok_timeout: the provider never answers, so the order waits in AWAITING_PAYMENT for us.
    const orderId = await traffic.ops.createOrder(buyer.token, traffic.sku, 'tok_timeout');
    const streamId = `order-${orderId}`;
    await waitFor(`${streamId} to await payment`, async () => (await lastOf(ctx, streamId))?.type === 'OrderAwaitingPayment', { timeoutMs: 60_000, intervalMs: 200 });
    const store = new EventStore(ctx.state.db, 'orders', EVENT_REGISTRY);
    for (let attempt = 1; ; attempt++) {
      const client = await ctx.state.db.connect();
      try {
        await client.query('BEGIN');
        await store.lockForAppend(client);
        const { version } = (await lastOf(ctx, streamId))!;
        const event = new OrderCancelled({ orderId, reason: 'CANCELLED_BY_CUSTOMER', detail: 'chaos F6: appended by a transaction held open' });
        const appended = await store.append(streamId, version, [event], { tx: client, metadata: { correlationId: randomUUID(), causationId: null, userId: buyer.id } });
        const midway = midLoad(traffic);
        if (midway) record.problems.push(midway);
        ctx.log(`OrderCancelled appended at ${streamId} v${appended.version} (position ${appended.position}); holding the transaction open`);
        const heldSince = Date.now();
        const later = () => ctx.state.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM orders.events WHERE position > $1`, [appended.position]);
        const seen = await waitFor(`${LATER_COMMITS} later appends to commit`, async () => {
          const n = (await later()).rows[0].n;
          return n >= LATER_COMMITS ? n : undefined;
        }, { timeoutMs: 120_000, intervalMs: 200 });
        // The hold is the fault: past the later commits, it also spans several relay polls.
        await delay(Math.max(0, HOLD_MS - (Date.now() - heldSince)));
        const overtaken = (await later()).rows[0].n;
        await client.query('COMMIT');
        traffic.acks.add({ command: 'late append', streamId, type: 'OrderCancelled', version: appended.version, exact: true });
        record.notes.push(`held ${Math.round((Date.now() - heldSince) / 1000)} s open while ${overtaken} later events committed (${seen} when the wait ended)`);
        return;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        // The saga moved the order between our read and our append: read again, as a writer does.
        if (!(error instanceof ConcurrencyError) || attempt >= 5) throw error;
      } finally {
        client.release();
      }
    }
  },
};
