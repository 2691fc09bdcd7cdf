import { setTimeout as delay } from 'node:timers/promises';
import { afterOrders, ownedInfra } from './owned';
import { type Scenario, standardPlan } from './scenario';

/** The issue: PostgreSQL refusing connections for 60 s. */
const REFUSE_MS = 60_000;

export const F3: Scenario = {
  id: 'F3',
  title: 'PostgreSQL refusing connections for 60 s',
  needsOwnedInfra: true,
  plan: standardPlan,
  async inject(ctx, traffic, record) {
    const infra = ownedInfra(ctx);
    await afterOrders(traffic, record, 25);
    ctx.log(`database refuses connections; every session of it ended (${traffic.done} orders ended)`);
    await infra.pg.refuse();
    try {
      // The fault is the duration itself.
      await delay(REFUSE_MS);
    } finally {
      await infra.pg.allow();
    }
    ctx.log('database accepts connections again');
    record.notes.push(`ALLOW_CONNECTIONS false and all backends terminated for ${REFUSE_MS / 1000} s`);
  },
};
