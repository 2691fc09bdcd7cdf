import { expectedStock } from './expected-stock';
import { finding, type Finding } from './findings';
import type { Check } from './oracle-input';

const CHECK = 'read model = fold of the stores';

/** JSON with sorted keys: jsonb hands objects back with its own key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v ?? null, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : x,
  );

/** Field by field, so a failure says what differs. */
const diff = (what: string, row: Record<string, unknown> | undefined, expected: Record<string, unknown>): Finding[] => {
  if (!row) return [finding(CHECK, 'lost', `${what} is missing`)];
  const fields = Object.keys(expected).filter((k) => canonical(row[k]) !== canonical(expected[k]));
  return fields.length ? [finding(CHECK, 'wrong', `${what}: ${fields.map((k) => `${k}=${JSON.stringify(row[k])} but the stores say ${JSON.stringify(expected[k])}`).join('; ')}`)] : [];
};

/**
 * order_view, payment_view, user_view, product_view (and inventory's own stock and reservation
 * rows, and the warehouse's order facts) against a fresh fold of the event streams.
 */
export const checkReadModel: Check = ({ snapshot: s }) => {
  const out: Finding[] = [];
  for (const o of s.orders.values()) {
    out.push(...diff(`order_view ${o.orderId}`, s.rows.orderView.get(o.orderId), {
      user_id: o.userId, status: o.status, total_cents: o.totalCents, cancellation_reason: o.cancellationReason, lines: o.lines,
    }));
    out.push(...diff(`analytics fact of order ${o.orderId}`, s.rows.facts.get(o.orderId), { status: o.status }));
    const reservation = s.reservations.get(o.orderId);
    if (reservation) out.push(...diff(`inventory reservation of order ${o.orderId}`, s.rows.reservations.get(o.orderId), { status: reservation.status }));
  }
  for (const p of s.payments.values()) {
    out.push(...diff(`payment_view of order ${p.orderId}`, s.rows.paymentView.get(p.orderId), { id: p.paymentId, status: p.status, amount_cents: p.amountCents }));
  }
  for (const [id, payload] of s.users) {
    out.push(...diff(`user_view ${id}`, s.rows.userView.get(id), { email: payload.email, name: payload.name, role: payload.role }));
  }
  for (const product of s.products.values()) {
    if (!product.added) continue;
    const f = expectedStock(s, product.sku);
    const onHand = f.stock - f.committedUnits;
    out.push(...diff(`product_view ${product.sku}`, s.rows.productView.get(product.sku), {
      name: product.name, price_cents: product.priceCents, available: onHand - f.reservedUnits, reserved: f.reservedUnits,
    }));
    out.push(...diff(`inventory.products ${product.sku}`, s.rows.stock.get(product.sku), { on_hand: onHand, reserved: f.reservedUnits }));
  }
  return out;
};
