import { finding, type Finding } from './findings';
import type { Check } from './oracle-input';

const CHECK = 'one lifecycle per order';

/**
 * Sixteen writers on one order must still leave one OrderCreated, one cancellation or
 * confirmation, one refund: a second one is an effect applied twice. Likewise one charge per
 * order: two processed payments for one order is a double charge.
 */
export const checkStreams: Check = ({ snapshot }) => {
  const out: Finding[] = [];
  for (const order of snapshot.orders.values()) {
    if (order.repeated.length) out.push(finding(CHECK, 'duplicated', `order ${order.orderId} repeats ${order.repeated.join(', ')}`));
    if (!order.userId) out.push(finding(CHECK, 'wrong', `order-${order.orderId} has no OrderCreated`));
  }
  const charges = new Map<string, string[]>();
  for (const p of snapshot.payments.values()) if (p.processed) charges.set(p.orderId, [...(charges.get(p.orderId) ?? []), p.paymentId]);
  for (const [orderId, ids] of charges) if (ids.length > 1) out.push(finding(CHECK, 'duplicated', `order ${orderId} was charged ${ids.length} times (payments ${ids.join(', ')})`));
  return out;
};
