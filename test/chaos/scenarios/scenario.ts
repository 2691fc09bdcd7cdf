import type { AppName } from '../../support/system';
import type { ChaosInfra } from '../infra/chaos-infra';
import type { Poison } from '../oracle/oracle-input';
import type { SystemState } from '../oracle/oracle';
import type { ChaosSystem } from '../system/chaos-system';
import type { Traffic, TrafficPlan } from '../traffic/traffic';

/** What a fault can reach: the apps, the infrastructure when the run owns it, and the stores. */
export interface ScenarioContext {
  system: ChaosSystem;
  /** Absent under `npm test`, which shares the stack: F1-F4 and F8 need it. */
  infra?: ChaosInfra;
  state: SystemState;
  log: (line: string) => void;
}

/** What the fault did, for the oracle and the report. */
export interface FaultRecord {
  /** Messages put on topics on purpose (F5): the dead letters the oracle expects. */
  poison: Poison[];
  notes: string[];
  /** The fault did not land as described (e.g. nothing was in flight): the scenario fails. */
  problems: string[];
}

export interface Scenario {
  id: string;
  title: string;
  /** Kills or refuses infrastructure: only with the run's own (never under `npm test`). */
  needsOwnedInfra: boolean;
  /** `light`: the smaller load of the `npm test` specs. */
  plan(light: boolean): TrafficPlan;
  /** Per-app settings for this scenario only (F10); the apps are restarted with them and without them after. */
  settings?: Partial<Record<AppName, Record<string, string>>>;
  /** Injects the fault while `traffic` runs; resolves once the fault is over. */
  inject(ctx: ScenarioContext, traffic: Traffic, record: FaultRecord): Promise<void>;
}

/** The default load: enough orders that every fault lands mid-load, few enough for 2 cores. */
export const standardPlan = (light: boolean): TrafficPlan =>
  light ? { customers: 4, minOrders: 40, maxOrders: 80, stock: 40, paceMs: 1000 } : { customers: 6, minOrders: 100, maxOrders: 220, stock: 100, paceMs: 1500 };
