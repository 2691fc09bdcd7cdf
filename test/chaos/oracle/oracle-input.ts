import type { Ack } from '../traffic/acks';
import type { Finding } from './findings';
import type { KafkaView } from './kafka-view';
import type { Snapshot } from './snapshot';

/** A message F5 put on a topic, tagged with POISON_HEADER. */
export interface Poison {
  id: string;
  topic: string;
  kind: string;
}

/** Everything the checks look at, read once after the system went idle. */
export interface OracleInput {
  namespace: string;
  snapshot: Snapshot;
  kafka: KafkaView;
  search: { orders: Map<string, Record<string, unknown>>; products: Map<string, Record<string, unknown>>; users: Map<string, Record<string, unknown>> };
  /** Caught mails per delivery id. */
  mails: Map<string, number>;
  acks: readonly Ack[];
  poison: readonly Poison[];
  orderDeadlineMs: number;
  now: number;
}

export type Check = (input: OracleInput) => Finding[];
