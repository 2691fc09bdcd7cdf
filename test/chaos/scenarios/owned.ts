import type { ChaosInfra } from '../infra/chaos-infra';
import type { Traffic } from '../traffic/traffic';
import type { FaultRecord, ScenarioContext } from './scenario';

/** The run's own infrastructure, which the infrastructure faults need (never the shared stack). */
export const ownedInfra = (ctx: ScenarioContext): ChaosInfra => {
  if (!ctx.infra) throw new Error('this fault needs infrastructure of its own: run it with `npm run chaos`, not inside `npm test`');
  return ctx.infra;
};

/** When a fault lands: customers must still be ordering, or it did not happen mid-load. */
export const midLoad = (traffic: Traffic): string | undefined =>
  traffic.stopped ? `the load was already over (${traffic.done} orders ended) when the fault landed` : undefined;

/** Waits until `orders` orders have ended, then records a problem if the load was over by then: where most faults land. */
export const afterOrders = async (traffic: Traffic, record: FaultRecord, orders: number): Promise<void> => {
  await traffic.ordersDone(orders);
  const late = midLoad(traffic);
  if (late) record.problems.push(late);
};
