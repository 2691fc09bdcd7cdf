import { CONSUMERS, groupOf } from './consumers';
import { finding, type Finding } from './findings';
import type { DeadLetter } from './kafka-view';
import type { Check, OracleInput } from './oracle-input';

const CHECK = 'dead letters are the injected poison only';

/**
 * Of the dead letters written during the scenario, only injected poison: a real event parked
 * there is an effect that never happened. And every poison message is dead-lettered by each
 * group that reads its topic: anything else means it was committed without being handled.
 */
export const checkDeadLetters: Check = (input) => {
  const { poison, namespace } = input;
  const out: Finding[] = [];
  const recent = scenarioDeadLetters(input);
  const injected = new Set(poison.map((p) => p.id));
  for (const d of recent.filter((x) => !x.poison || !injected.has(x.poison))) {
    out.push(finding(CHECK, 'deadLettered', `${d.consumer} dead-lettered ${d.type ?? 'a message'} ${d.eventId ?? ''} from ${d.sourceTopic}: ${d.code}`));
  }
  for (const p of poison) {
    for (const c of CONSUMERS.filter((x) => x.topics.some((t) => `${namespace}.${t}.events` === p.topic))) {
      const dlq = `${groupOf(namespace, c)}.dlq`;
      if (!recent.some((d) => d.topic === dlq && d.poison === p.id)) out.push(finding(CHECK, 'lost', `${c.name} did not dead-letter poison ${p.kind} ${p.id} from ${p.topic}`));
    }
  }
  return out;
};

/**
 * The dead letters that are this scenario's: written after its baseline, and poison, or an event
 * it stored, or a message with no envelope at all. Not those of events it never stored: under
 * `npm test` other suites' fixture events wait in the namespace's topics for the groups this
 * system joins, and their fate is theirs.
 */
export const scenarioDeadLetters = ({ kafka, snapshot }: Pick<OracleInput, 'kafka' | 'snapshot'>): DeadLetter[] => {
  const stored = new Set(snapshot.scoped.map((e) => e.eventId));
  return kafka.deadLetters.filter((d) => d.at >= snapshot.baseline.since && (d.poison !== undefined || d.eventId === undefined || stored.has(d.eventId)));
};
