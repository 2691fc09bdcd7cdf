import type { InventoryReservationFailed, InventoryReserved } from '@app/events';
import type { Product } from '../persistence/products.repository';

type OrderLine = { sku: string; quantity: number };
type PricedLine = InventoryReserved['payload']['lines'][number];
type FailedLine = InventoryReservationFailed['payload']['lines'][number];

export type ReservationPlan =
  | { ok: true; lines: PricedLine[]; totalCents: number; quantities: Map<string, number> }
  | { ok: false; reason: InventoryReservationFailed['payload']['reason']; lines: FailedLine[] };

/** Units per sku: an order may list one sku on several lines, and stock is checked per sku. */
export const quantitiesBySku = (lines: readonly OrderLine[]): Map<string, number> => {
  const totals = new Map<string, number>();
  for (const { sku, quantity } of lines) totals.set(sku, (totals.get(sku) ?? 0) + quantity);
  return totals;
};

/**
 * All lines or none, decided on the locked rows. A failure lists the order's own lines (as every
 * reservation event does), those of the skus at fault, each with its sku's availability: a
 * per-sku sum could exceed the contract's 1000 per line, and an event that fails its contract
 * would dead-letter the order. Unknown skus are reported before shortages.
 */
export const planReservation = (lines: readonly OrderLine[], stock: ReadonlyMap<string, Product>): ReservationPlan => {
  const unknown = lines.filter((l) => !stock.has(l.sku));
  if (unknown.length > 0) return { ok: false, reason: 'UNKNOWN_SKU', lines: unknown.map((l) => ({ sku: l.sku, requested: l.quantity, available: 0 })) };

  const quantities = quantitiesBySku(lines);
  const available = (sku: string) => stock.get(sku)!.onHand - stock.get(sku)!.reserved;
  const short = lines.filter((l) => quantities.get(l.sku)! > available(l.sku));
  if (short.length > 0) return { ok: false, reason: 'OUT_OF_STOCK', lines: short.map((l) => ({ sku: l.sku, requested: l.quantity, available: available(l.sku) })) };

  // Prices are fixed here, from the locked rows: payment charges what was reserved.
  const priced = lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPriceCents: stock.get(l.sku)!.priceCents }));
  const totalCents = priced.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
  return { ok: true, lines: priced, totalCents, quantities };
};
