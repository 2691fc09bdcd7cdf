import type { Pool } from 'pg';
import type { Ack } from '../traffic/acks';
import { checkAcked } from './check-acked';
import { checkClaims } from './check-claims';
import { checkDeadLetters, scenarioDeadLetters } from './check-dead-letters';
import { checkDeadlines } from './check-deadlines';
import { checkMail } from './check-mail';
import { checkReadModel } from './check-read-model';
import { checkRefunds } from './check-refunds';
import { checkRelayed } from './check-relayed';
import { checkSearch } from './check-search';
import { checkStock } from './check-stock';
import { checkStreams } from './check-streams';
import type { Finding } from './findings';
import { readKafka } from './kafka-view';
import { mailsByMessageId } from './mailbox';
import type { Check, OracleInput, Poison } from './oracle-input';
import { searchDocs } from './search-view';
import { takeSnapshot } from './snapshot';
import type { Baseline } from './stored-events';

/** Where the system under test keeps its state. */
export interface SystemState {
  db: Pool;
  brokers: string[];
  esNode: string;
  mailDir: string;
  namespace: string;
  orderDeadlineMs: number;
}

/** The order service's deadline from creation (apps/order/src/order-settings.ts): the apps inherit this environment. */
export const orderDeadlineMs = (): number => Number(process.env.ORDER_DEADLINE_MS || 120_000);

export interface OracleResult {
  findings: Finding[];
  /** Events appended during the scenario. */
  events: number;
  deadLettered: number;
}

const CHECKS: readonly Check[] = [checkAcked, checkStreams, checkRelayed, checkClaims, checkReadModel, checkSearch, checkStock, checkDeadlines, checkRefunds, checkMail, checkDeadLetters];

/** Reads every store and every copy once (the system is idle by now) and runs every check on what was read. */
export const runOracle = async (state: SystemState, baseline: Baseline, acks: readonly Ack[], poison: readonly Poison[]): Promise<OracleResult> => {
  const snapshot = await takeSnapshot(state.db, baseline);
  const kafka = await readKafka(state.brokers, state.namespace);
  const alias = (name: string) => `${state.namespace}.${name}`;
  const input: OracleInput = {
    namespace: state.namespace,
    snapshot,
    kafka,
    search: {
      orders: await searchDocs(state.esNode, alias('orders'), [...snapshot.rows.orderView.keys()]),
      products: await searchDocs(state.esNode, alias('products'), [...snapshot.rows.productView.keys()]),
      users: await searchDocs(state.esNode, alias('users'), [...snapshot.rows.userView.keys()]),
    },
    mails: mailsByMessageId(state.mailDir),
    acks,
    poison,
    orderDeadlineMs: state.orderDeadlineMs,
    now: Date.now(),
  };
  return {
    findings: CHECKS.flatMap((check) => check(input)),
    events: snapshot.scoped.length,
    deadLettered: scenarioDeadLetters(input).length,
  };
};
