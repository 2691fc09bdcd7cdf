import { midLoad } from './owned';
import { type Scenario, standardPlan } from './scenario';

const KILLS = 4;

export const F2: Scenario = {
  id: 'F2',
  title: 'consumers app SIGKILLed repeatedly mid-load',
  needsOwnedInfra: false,
  plan: standardPlan,
  async inject(ctx, traffic, record) {
    await traffic.ordersDone(15);
    for (let kill = 1; kill <= KILLS; kill++) {
      const late = midLoad(traffic);
      if (late) record.problems.push(`kill ${kill}: ${late}`);
      ctx.log(`SIGKILL ${kill}/${KILLS} to the consumers app (${traffic.done} orders ended)`);
      await ctx.system.kill('consumers');
      await ctx.system.respawn('consumers');
      // Let it take its partitions back and work a little, so the next kill lands mid-batch.
      await traffic.ordersDone(traffic.done + 8, 180_000);
    }
    record.notes.push(`${KILLS} SIGKILLs of the consumers app, each restarted at once`);
  },
};
