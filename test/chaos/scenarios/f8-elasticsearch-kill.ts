import { setTimeout as delay } from 'node:timers/promises';
import { afterOrders, ownedInfra } from './owned';
import { type Scenario, standardPlan } from './scenario';

/** Dead for a while before it starts again, so the indexer meets the outage, not just a slow node. */
const DOWN_MS = 10_000;

export const F8: Scenario = {
  id: 'F8',
  title: 'Elasticsearch SIGKILLed during indexing',
  needsOwnedInfra: true,
  plan: standardPlan,
  async inject(ctx, traffic, record) {
    const infra = ownedInfra(ctx);
    await afterOrders(traffic, record, 20);
    ctx.log(`SIGKILL to Elasticsearch (${traffic.done} orders ended)`);
    await infra.es.kill();
    // The outage is a duration: indexing meets a dead node for DOWN_MS, then a starting one.
    await delay(DOWN_MS);
    ctx.log('starting Elasticsearch again on the same data');
    const back = Date.now();
    await infra.es.start();
    record.notes.push(`Elasticsearch dead ${DOWN_MS / 1000} s, healthy again ${Math.round((Date.now() - back) / 1000)} s after its restart`);
  },
};
