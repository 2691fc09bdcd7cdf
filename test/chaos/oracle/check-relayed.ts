import { finding, type Finding } from './findings';
import type { Check } from './oracle-input';
import { topicOf } from './stored-events';

const CHECK = 'stored events reached Kafka';

/** Each event appended during the scenario is on its topic (the relay never skips one, even one that committed late). */
export const checkRelayed: Check = ({ snapshot, kafka, namespace }) => {
  const out: Finding[] = [];
  for (const e of snapshot.scoped) {
    const topic = topicOf(namespace, e.store, e.type);
    if (kafka.eventIds.get(topic)?.has(e.eventId)) continue;
    const parked = snapshot.parked.get(e.eventId);
    out.push(finding(CHECK, 'lost', `${e.type} ${e.eventId} (${e.streamId} v${e.version}, ${e.store} position ${e.position}) is not on ${topic}${parked ? ` (parked: ${parked})` : ''}`));
  }
  return out;
};
