import { setTimeout as delay } from 'node:timers/promises';
import { afterOrders, ownedInfra } from './owned';
import { type Scenario, standardPlan } from './scenario';

/** How long the broker stays dead (the issue: back after 10 s). */
const DOWN_MS = 10_000;

export const F1: Scenario = {
  id: 'F1',
  title: 'Kafka SIGKILL mid-load, back after 10 s',
  needsOwnedInfra: true,
  plan: standardPlan,
  async inject(ctx, traffic, record) {
    const infra = ownedInfra(ctx);
    await afterOrders(traffic, record, 25);
    ctx.log(`SIGKILL to the broker (${traffic.done} orders ended)`);
    await infra.kafka.kill();
    // The fault itself is a duration: the broker is gone for DOWN_MS, whatever the system does.
    await delay(DOWN_MS);
    ctx.log('starting the broker again on the same data');
    const back = Date.now();
    await infra.kafka.start();
    record.notes.push(`broker dead ${DOWN_MS / 1000} s, answering again ${Math.round((Date.now() - back) / 1000)} s after its restart`);
  },
};
