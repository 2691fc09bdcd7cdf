import { finding, type Finding } from './findings';
import type { Check } from './oracle-input';

const CHECK = 'no order open past its deadline';

/** The deadline scanner's lease: a claimer killed mid-cancel delays the cancel by this much (order-deadline.scheduler.ts). */
const GRACE_MS = 35_000;

/** Every order ends, whatever failed in between: cancelled at the latest once its deadline from creation passed. */
export const checkDeadlines: Check = ({ snapshot, orderDeadlineMs, now }) => {
  const out: Finding[] = [];
  for (const o of snapshot.orders.values()) {
    if (o.status === 'CONFIRMED' || o.status === 'CANCELLED') continue;
    const age = now - o.createdAt.getTime();
    const past = age > orderDeadlineMs + GRACE_MS;
    out.push(finding(CHECK, 'stuck', `order ${o.orderId} still ${o.status} ${Math.round(age / 1000)} s after creation${past ? ', past its deadline' : ' once the system went idle'}`));
  }
  return out;
};
