import { CONSUMERS } from './consumers';
import { finding, type Finding } from './findings';
import type { Check } from './oracle-input';
import { topicOf } from './stored-events';

const CHECK = 'each consumer applied each event';

/**
 * Every consumer recorded every event of its topics in processed_events, in the transaction of
 * its effects: applied at least once. The primary key (consumer, event_id) makes it at most once;
 * the effects themselves are checked against the stores by the other checks.
 */
export const checkClaims: Check = ({ snapshot, namespace }) => {
  const out: Finding[] = [];
  for (const consumer of CONSUMERS) {
    const topics = new Set(consumer.topics.map((t) => `${namespace}.${t}.events`));
    for (const e of snapshot.scoped) {
      if (!topics.has(topicOf(namespace, e.store, e.type)) || snapshot.claims.has(`${consumer.name} ${e.eventId}`)) continue;
      out.push(finding(CHECK, 'lost', `${consumer.name} never applied ${e.type} ${e.eventId} (${e.streamId} v${e.version})`));
    }
  }
  return out;
};
