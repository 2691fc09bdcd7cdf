import { expectedStock } from './expected-stock';
import { finding, type Finding } from './findings';
import type { Check } from './oracle-input';

const CHECK = 'stock balances';

/**
 * For each product of the scenario: units sold to confirmed orders + available + reserved is
 * the stock put in (initial + restocks), and what is reserved is exactly what open orders hold.
 * Order by order: a confirmed order's units are committed, a cancelled one holds none.
 */
export const checkStock: Check = ({ snapshot: s }) => {
  const out: Finding[] = [];
  for (const product of s.products.values()) {
    if (!product.added) continue;
    const view = s.rows.productView.get(product.sku);
    if (!view) continue; // reported by the read-model check
    const f = expectedStock(s, product.sku);
    const available = Number(view.available);
    const reserved = Number(view.reserved);
    const total = f.confirmedUnits + available + reserved;
    if (total !== f.stock) {
      out.push(finding(CHECK, total > f.stock ? 'duplicated' : 'lost',
        `${product.sku}: confirmed ${f.confirmedUnits} + available ${available} + reserved ${reserved} = ${total}, but ${f.stock} units were put in`));
    }
    if (reserved !== f.openUnits) {
      out.push(finding(CHECK, reserved > f.openUnits ? 'stuck' : 'wrong', `${product.sku}: ${reserved} units reserved, open orders hold ${f.openUnits}`));
    }
  }
  for (const o of s.orders.values()) {
    const reservation = s.reservations.get(o.orderId)?.status;
    if (o.status === 'CONFIRMED' && reservation !== 'COMMITTED') out.push(finding(CHECK, 'wrong', `order ${o.orderId} is CONFIRMED, its reservation ${reservation ?? 'missing'}`));
    if (o.status === 'CANCELLED' && (reservation === 'RESERVED' || reservation === 'COMMITTED')) {
      out.push(finding(CHECK, 'stuck', `order ${o.orderId} is CANCELLED (${o.cancellationReason}), its stock still ${reservation}`));
    }
  }
  return out;
};
