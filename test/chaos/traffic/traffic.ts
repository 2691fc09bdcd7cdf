import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { Customer } from '../../../scripts/load/customer';
import { mapLimit } from '../../../scripts/load/map-limit';
import { waitFor } from '../../support/wait-for';
import { AckLog } from './acks';
import { GqlOps } from './gql-ops';

export interface TrafficPlan {
  customers: number;
  /** Orders placed at least, and on until the fault is over (release) ... */
  minOrders: number;
  /** ... but never more than this. */
  maxOrders: number;
  /** Units of the product; fewer than the orders makes some end OUT_OF_STOCK. */
  stock: number;
  /** A customer starts an order at most this often: the load spans the fault instead of racing past it. */
  paceMs: number;
}

/** How long one customer follows an order: past the order deadline (120 s), so a final status is seen. */
const FOLLOW_MS = 180_000;

/**
 * The load generator's customers (scripts/load), each placing one order after another and
 * following it to its end, against one gateway. Unlike `npm run load` it keeps going until the
 * fault is over, so every fault lands mid-load, and it waits a second after a refused order.
 */
export class Traffic {
  readonly acks: AckLog;
  readonly ops: GqlOps;
  readonly sku = `CHAOS-${randomUUID().slice(0, 8)}`;
  admin = '';
  placed = 0;
  done = 0;
  private customers: Customer[] = [];
  private released = false;
  private active = 0;
  private running?: Promise<void>;

  constructor(
    url: string,
    private readonly plan: TrafficPlan,
    acks = new AckLog(),
  ) {
    this.acks = acks;
    this.ops = new GqlOps(url, acks);
  }

  /** Admin, product and customers: before the fault, so it lands on orders, not on the setup. */
  async prepare(): Promise<void> {
    this.admin = await this.ops.adminToken();
    await this.ops.addProduct(this.admin, this.sku, this.plan.stock);
    const run = this.sku.toLowerCase();
    this.customers = await mapLimit(this.plan.customers, 4, async (i) => {
      const customer = await Customer.register(this.ops.client, `${run}-${i}@example.com`, 'chaos-password');
      this.acks.add({ command: 'registerUser', streamId: `user-${customer.id}`, type: 'UserRegistered', version: 1, exact: true });
      return customer;
    });
    await Promise.all(this.customers.map((c) => c.connect()));
  }

  start(): void {
    this.running = Promise.all(this.customers.map((c) => this.orderLoop(c))).then(() => undefined);
  }

  /** The fault is over: stop once minOrders are placed. */
  release(): void {
    this.released = true;
  }

  /** Until `n` orders have ended (or been refused): the moment to inject a fault mid-load. */
  async ordersDone(n: number, timeoutMs = 300_000): Promise<void> {
    await waitFor(`${n} orders of the traffic to end`, () => this.done >= n || this.stopped, { timeoutMs, intervalMs: 100 });
  }

  /** Every customer has stopped ordering. */
  get stopped(): boolean {
    return this.running !== undefined && this.active === 0;
  }

  async finish(): Promise<void> {
    this.release();
    await this.running;
    await Promise.all(this.customers.map((c) => c.close()));
  }

  private async orderLoop(customer: Customer): Promise<void> {
    this.active++;
    while (this.placed < this.plan.maxOrders && !(this.released && this.placed >= this.plan.minOrders)) {
      this.placed++;
      const began = performance.now();
      const outcome = await customer.placeOrder(this.sku, FOLLOW_MS);
      this.done++;
      if (outcome.orderId) {
        this.acks.add({ command: 'createOrder', streamId: `order-${outcome.orderId}`, type: 'OrderCreated', version: 1, exact: true });
      } else {
        // Refused or unanswered: allowed under a fault.
        this.acks.refused++;
      }
      // Think time (and, after a refusal, not hammering a system that is down).
      await delay(Math.max(outcome.orderId ? 0 : 1000, this.plan.paceMs - (performance.now() - began)));
    }
    this.active--;
  }
}
