import { afterOrders, ownedInfra } from './owned';
import { type Scenario, standardPlan } from './scenario';

export const F4: Scenario = {
  id: 'F4',
  title: 'PostgreSQL SIGKILLed and restarted',
  needsOwnedInfra: true,
  plan: standardPlan,
  async inject(ctx, traffic, record) {
    const infra = ownedInfra(ctx);
    await afterOrders(traffic, record, 25);
    ctx.log(`SIGKILL to the PostgreSQL server and all its backends (${traffic.done} orders ended)`);
    await infra.pg.kill();
    const restarted = Date.now();
    await infra.pg.start();
    ctx.log('PostgreSQL back after crash recovery');
    record.notes.push(`PostgreSQL killed, accepting again ${Math.round((Date.now() - restarted) / 1000)} s after its restart (crash recovery)`);
  },
};
