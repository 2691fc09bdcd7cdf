import { randomUUID } from 'node:crypto';
import { afterOrders } from './owned';
import { type Scenario, standardPlan } from './scenario';

const WRITERS = 16;

/**
 * Sixteen writers on one stream, twice, while the load's orders reserve the same product:
 * sixteen restocks of the product at once (each must land, with its own version, and add its
 * units), and sixteen cancellations of one open order at once (exactly one OrderCancelled).
 */
export const F7: Scenario = {
  id: 'F7',
  title: 'sixteen writers on one stream',
  needsOwnedInfra: false,
  plan: standardPlan,
  async inject(ctx, traffic, record) {
    await afterOrders(traffic, record, 10);
    ctx.log(`${WRITERS} restocks of ${traffic.sku} at once`);
    // Quantities 1..16: a restock lost or applied twice shows in the stock's sum, not only in a count.
    const restocks = await Promise.all(Array.from({ length: WRITERS }, (_, i) => traffic.ops.tolerant(() => traffic.ops.restock(traffic.admin, traffic.sku, i + 1))));
    const restocked = restocks.filter((v) => v !== undefined).length;
    if (restocked !== WRITERS) record.problems.push(`${WRITERS - restocked} of ${WRITERS} concurrent restocks were refused`);

    const buyer = await traffic.ops.register(`writers-${randomUUID().slice(0, 8)}@example.com`);
    // tok_timeout keeps it open (no payment answer), so every cancel races an order still in play.
    const orderId = await traffic.ops.createOrder(buyer.token, traffic.sku, 'tok_timeout');
    ctx.log(`${WRITERS} cancellations of order ${orderId} at once`);
    const cancels = await Promise.all(Array.from({ length: WRITERS }, () => traffic.ops.tolerant(() => traffic.ops.cancelOrder(traffic.admin, orderId))));
    const cancelled = cancels.filter((v) => v !== undefined).length;
    if (cancelled !== WRITERS) record.problems.push(`${WRITERS - cancelled} of ${WRITERS} concurrent cancellations were refused`);
    record.notes.push(`${restocked} restocks and ${cancelled} cancellations acknowledged, ${WRITERS} writers each`);
  },
};
