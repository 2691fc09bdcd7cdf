import { ALL_APPS } from '../../support/system';
import { countOf, finding, type Finding } from '../oracle/findings';
import { waitIdle } from '../oracle/idle';
import { runOracle } from '../oracle/oracle';
import { captureBaseline } from '../oracle/stored-events';
import { Traffic } from '../traffic/traffic';
import type { FaultRecord, Scenario, ScenarioContext } from './scenario';

export interface ScenarioRow {
  id: string;
  title: string;
  acknowledged: number;
  refused: number;
  events: number;
  lost: number;
  duplicated: number;
  stuck: number;
  deadLettered: number;
  findings: Finding[];
  notes: string[];
  ms: number;
  passed: boolean;
}

/** How long the system may take to settle after the load: past the order deadline, so every order can end. */
const idleBudget = (ctx: ScenarioContext) => ctx.state.orderDeadlineMs + 90_000;

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * One scenario: settle, baseline, load, fault, drain, wait for idle, oracle. Whatever goes wrong
 * (a phase throwing, the fault not landing, the system never going idle) becomes a finding, so
 * the row fails instead of the run stopping.
 */
export async function runScenario(scenario: Scenario, outer: ScenarioContext, light: boolean): Promise<ScenarioRow> {
  const started = Date.now();
  // Every progress line says which phase it is from.
  let phase = 'settle';
  const ctx: ScenarioContext = { ...outer, log: (line) => outer.log(`${phase.padEnd(7)} ${line}`) };
  const record: FaultRecord = { poison: [], notes: [], problems: [] };
  const extra: Finding[] = [];
  const crashesBefore = ctx.system.crashes.length;
  let traffic: Traffic | undefined;
  let result = { findings: [] as Finding[], events: 0, deadLettered: 0 };
  try {
    for (const [app, env] of Object.entries(scenario.settings ?? {})) await ctx.system.reconfigure(app as (typeof ALL_APPS)[number], env);
    // What earlier scenarios left in flight must not land in this one's baseline.
    const settled = await waitIdle(ctx.state, await captureBaseline(ctx.state.db), 120_000, ctx.log, { emails: false });
    if (!settled.idle) record.notes.push(`not idle at the start: ${settled.busy.join(', ')}`);
    const baseline = await captureBaseline(ctx.state.db);
    phase = 'prepare';
    traffic = new Traffic(ctx.system.gatewayUrl, scenario.plan(light));
    ctx.log('preparing the traffic (admin, product, customers)');
    await traffic.prepare();
    traffic.start();
    phase = 'fault';
    const t = traffic;
    const ticker = setInterval(() => ctx.log(`load: ${t.done}/${t.placed} orders ended, ${t.acks.refused} refused`), 10_000);
    try {
      await scenario.inject(ctx, traffic, record).catch((error: unknown) => record.problems.push(`the fault failed: ${describeError(error)}`));
      phase = 'drain';
      ctx.log('fault over; the load finishes');
      await traffic.finish();
    } finally {
      clearInterval(ticker);
    }
    phase = 'idle';
    ctx.log(`load done: ${traffic.done} orders, ${traffic.acks.refused} commands refused; waiting for the system to go idle`);
    const idle = await waitIdle(ctx.state, baseline, idleBudget(ctx), ctx.log);
    if (!idle.idle) extra.push(finding('idle', 'stuck', `not idle ${Math.round(idleBudget(ctx) / 1000)} s after the load: ${idle.busy.join(', ')}`));
    phase = 'oracle';
    ctx.log('reading the stores, Kafka, Elasticsearch and the mailbox');
    result = await runOracle(ctx.state, baseline, traffic.acks.acks, record.poison);
  } catch (error) {
    extra.push(finding('scenario', 'wrong', `the scenario could not complete: ${describeError(error)}`));
  } finally {
    await traffic?.finish().catch(() => undefined);
    for (const app of Object.keys(scenario.settings ?? {})) await ctx.system.reconfigure(app as (typeof ALL_APPS)[number], {}).catch(() => undefined);
  }
  const crashes = ctx.system.crashes.slice(crashesBefore);
  if (crashes.length) record.notes.push(`apps that died on their own and were restarted: ${crashes.join('; ')}`);
  const findings = [...record.problems.map((p) => finding('fault', 'wrong', p)), ...extra, ...result.findings];
  return {
    id: scenario.id,
    title: scenario.title,
    acknowledged: traffic?.acks.count ?? 0,
    refused: traffic?.acks.refused ?? 0,
    events: result.events,
    lost: countOf(findings, 'lost'),
    duplicated: countOf(findings, 'duplicated'),
    stuck: countOf(findings, 'stuck'),
    deadLettered: result.deadLettered,
    findings,
    notes: record.notes,
    ms: Date.now() - started,
    passed: findings.length === 0,
  };
}
