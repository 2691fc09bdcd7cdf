import { finding, type Finding } from './findings';
import type { Check } from './oracle-input';

const CHECK = 'acknowledged commands stored';

/**
 * Every acknowledged command's event is in its stream at the version the answer gave, and no two
 * acknowledged appends claim the same slot (one of them would have been lost). Every stream the
 * scenario touched has versions 1..n with no hole.
 */
export const checkAcked: Check = ({ snapshot, acks }) => {
  const out: Finding[] = [];
  const slots = new Map<string, string>();
  for (const ack of acks) {
    const stream = snapshot.streams.get(ack.streamId) ?? [];
    const at = stream.find((e) => e.version === ack.version);
    const ok = ack.exact ? at?.type === ack.type : stream.some((e) => e.type === ack.type && e.version <= ack.version);
    if (!ok) out.push(finding(CHECK, 'lost', `${ack.command} acknowledged as ${ack.streamId} v${ack.version}, but the stream has ${at ? at.type : 'no event'} there`));
    if (!ack.exact) continue;
    const slot = `${ack.streamId} v${ack.version}`;
    if (slots.has(slot)) out.push(finding(CHECK, 'lost', `${ack.command} and ${slots.get(slot)} were both acknowledged as ${slot}: one append is missing`));
    slots.set(slot, ack.command);
  }
  for (const [streamId, events] of snapshot.streams) {
    const versions = events.map((e) => e.version);
    if (versions.some((v, i) => v !== i + 1)) out.push(finding(CHECK, 'wrong', `${streamId} has versions ${versions.join(',')}, not 1..${versions.length}`));
  }
  return out;
};
