import { finding, type Finding } from './findings';
import type { Check } from './oracle-input';

const CHECK = 'Elasticsearch = read model';

const compare = (what: string, doc: Record<string, unknown> | undefined, expected: Record<string, unknown>): Finding[] => {
  if (!doc) return [finding(CHECK, 'lost', `${what} is not indexed`)];
  const fields = Object.keys(expected).filter((k) => JSON.stringify(doc[k] ?? null) !== JSON.stringify(expected[k] ?? null));
  return fields.length ? [finding(CHECK, 'wrong', `${what}: ${fields.map((k) => `${k}=${JSON.stringify(doc[k])}, read model ${JSON.stringify(expected[k])}`).join('; ')}`)] : [];
};

/** The documents behind the namespace's aliases against the rows the gateway serves. */
export const checkSearch: Check = ({ snapshot: s, search }) => {
  const out: Finding[] = [];
  for (const [id, row] of s.rows.orderView) {
    const skus = [...new Set((row.lines as { sku: string }[]).map((l) => l.sku))].sort();
    const doc = search.orders.get(id);
    out.push(...compare(`order ${id}`, doc && { ...doc, skus: [...((doc.skus as string[] | undefined) ?? [])].sort() }, {
      userId: row.user_id, status: row.status, totalCents: row.total_cents, cancellationReason: row.cancellation_reason, skus,
    }));
  }
  for (const [sku, row] of s.rows.productView) out.push(...compare(`product ${sku}`, search.products.get(sku), { name: row.name, priceCents: row.price_cents }));
  for (const [id, row] of s.rows.userView) out.push(...compare(`user ${id}`, search.users.get(id), { email: row.email, name: row.name, role: row.role }));
  return out;
};
