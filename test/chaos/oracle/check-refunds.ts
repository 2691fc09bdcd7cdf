import { finding, type Finding } from './findings';
import type { Check } from './oracle-input';
import type { PaymentFold } from './fold';

const CHECK = 'no paid order cancelled without a refund';

/**
 * A cancelled order keeps none of the customer's money: its payments row is never left
 * PROCESSED (REFUNDED or VOIDED instead), a PaymentProcessed is followed by PaymentRefunded, and
 * the order's own stream records OrderRefunded. A confirmed order was paid, in full.
 */
export const checkRefunds: Check = ({ snapshot: s }) => {
  const out: Finding[] = [];
  const byOrder = new Map<string, PaymentFold[]>();
  for (const p of s.payments.values()) byOrder.set(p.orderId, [...(byOrder.get(p.orderId) ?? []), p]);
  for (const o of s.orders.values()) {
    const row = s.rows.payments.get(o.orderId);
    const processed = (byOrder.get(o.orderId) ?? []).filter((p) => p.processed);
    if (o.status === 'CANCELLED') {
      // One finding per order, with every way its money was kept.
      const why = [
        ...(row?.status === 'PROCESSED' ? [`payments row ${row.payment_id} is PROCESSED`] : []),
        ...processed.filter((p) => !p.refunded).map((p) => `payment ${p.paymentId} has PaymentProcessed and no PaymentRefunded`),
        ...(processed.some((p) => p.refunded) && !o.refunded ? ['the refund is not recorded as OrderRefunded'] : []),
      ];
      if (why.length) out.push(finding(CHECK, 'lost', `order ${o.orderId} is CANCELLED (${o.cancellationReason}) but ${why.join('; ')}`));
    }
    if (o.status === 'CONFIRMED') {
      if (row?.status !== 'PROCESSED' || !processed.length) out.push(finding(CHECK, 'wrong', `order ${o.orderId} is CONFIRMED; payments row ${row?.status ?? 'missing'}, ${processed.length} PaymentProcessed`));
      else if (Number(row.amount_cents) !== o.totalCents) out.push(finding(CHECK, 'wrong', `order ${o.orderId} totals ${o.totalCents}, paid ${row.amount_cents}`));
    }
  }
  return out;
};
