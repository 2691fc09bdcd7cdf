import { ALL_APPS } from '../../support/system';
import { Traffic } from '../traffic/traffic';
import { midLoad } from './owned';
import { type Scenario, standardPlan } from './scenario';

/**
 * Every app goes from one replica to two under load, and back to one: consumer groups
 * rebalance, relay leadership and deadline scans move, and for all but the gateway it is the
 * older replica that leaves (SIGTERM), so the newcomer must take over its work. The second
 * gateway gets customers of its own while it is up.
 */
export const F9: Scenario = {
  id: 'F9',
  title: 'replicas 1 -> 2 -> 1 of every app under load',
  needsOwnedInfra: false,
  // Scaling ten processes up and down takes a while: room for more orders, so the load outlasts it.
  plan: (light) => ({ ...standardPlan(light), maxOrders: light ? 160 : 400 }),
  async inject(ctx, traffic, record) {
    await traffic.ordersDone(15);
    for (const app of ALL_APPS) {
      const late = midLoad(traffic);
      if (late) record.problems.push(`${app} up: ${late}`);
      ctx.log(`${app}: 1 -> 2 replicas (${traffic.done} orders ended)`);
      await ctx.system.scaleTo(app, 2);
    }
    const second = new Traffic(ctx.system.gatewayUrls[1], { customers: 3, minOrders: 30, maxOrders: 30, stock: 30, paceMs: 500 }, traffic.acks);
    await second.prepare();
    second.start();
    await second.finish();
    ctx.log(`the second gateway's customers placed ${second.done} orders`);
    await traffic.ordersDone(traffic.done + 10, 180_000);
    for (const app of ALL_APPS) {
      const late = midLoad(traffic);
      if (late) record.problems.push(`${app} down: ${late}`);
      ctx.log(`${app}: 2 -> 1 replicas (${traffic.done} orders ended)`);
      await ctx.system.scaleTo(app, 1);
    }
    record.notes.push(`all ${ALL_APPS.length} apps scaled to 2 and back; ${second.done} orders through the second gateway`);
  },
};
