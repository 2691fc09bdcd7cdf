import type { Snapshot } from './snapshot';

export interface StockFigures {
  stock: number;
  confirmedUnits: number;
  /** Units of orders not final yet that inventory holds for them. */
  openUnits: number;
  /** From the reservation streams: what inventory should hold and have sold. */
  reservedUnits: number;
  committedUnits: number;
}

/** A product's figures from the stores alone: its stream, the reservation streams and the order streams. */
export const expectedStock = (s: Snapshot, sku: string): StockFigures => {
  const unitsOf = (lines: { sku: string; quantity: number }[]) => lines.filter((l) => l.sku === sku).reduce((n, l) => n + l.quantity, 0);
  const figures: StockFigures = { stock: s.products.get(sku)?.stock ?? 0, confirmedUnits: 0, openUnits: 0, reservedUnits: 0, committedUnits: 0 };
  for (const r of s.reservations.values()) {
    if (r.status === 'RESERVED') figures.reservedUnits += unitsOf(r.lines);
    if (r.status === 'COMMITTED') figures.committedUnits += unitsOf(r.lines);
  }
  for (const o of s.orders.values()) {
    if (o.status === 'CONFIRMED') figures.confirmedUnits += unitsOf(o.lines);
    const reservation = s.reservations.get(o.orderId);
    if ((o.status === 'PENDING' || o.status === 'AWAITING_PAYMENT') && reservation?.status === 'RESERVED') figures.openUnits += unitsOf(reservation.lines);
  }
  return figures;
};
