import type { Product } from '../persistence/products.repository';
import { planReservation, quantitiesBySku } from './plan-reservation';

const product = (sku: string, onHand: number, reserved = 0, priceCents = 250): Product => ({ sku, name: sku, priceCents, onHand, reserved, version: 1 });
const stockOf = (...products: Product[]) => new Map(products.map((p) => [p.sku, p]));

describe('planReservation', () => {
  it('reserves every line at the current prices and totals them', () => {
    const plan = planReservation([{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }], stockOf(product('A', 5, 0, 100), product('B', 1, 0, 999)));

    expect(plan).toEqual({
      ok: true,
      lines: [
        { sku: 'A', quantity: 2, unitPriceCents: 100 },
        { sku: 'B', quantity: 1, unitPriceCents: 999 },
      ],
      totalCents: 1199,
      quantities: new Map([['A', 2], ['B', 1]]),
    });
  });

  it('counts units already reserved by other orders as unavailable', () => {
    const plan = planReservation([{ sku: 'A', quantity: 2 }], stockOf(product('A', 5, 4)));

    expect(plan).toEqual({ ok: false, reason: 'OUT_OF_STOCK', lines: [{ sku: 'A', requested: 2, available: 1 }] });
  });

  it('sums a sku listed on two lines before comparing it with the stock', () => {
    const plan = planReservation([{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }, { sku: 'A', quantity: 2 }], stockOf(product('A', 3), product('B', 9)));

    expect(plan).toEqual({
      ok: false,
      reason: 'OUT_OF_STOCK',
      lines: [
        { sku: 'A', requested: 2, available: 3 },
        { sku: 'A', requested: 2, available: 3 },
      ],
    });
  });

  it('reports unknown skus with nothing available, before any shortage', () => {
    const plan = planReservation([{ sku: 'A', quantity: 9 }, { sku: 'X', quantity: 1 }], stockOf(product('A', 1)));

    expect(plan).toEqual({ ok: false, reason: 'UNKNOWN_SKU', lines: [{ sku: 'X', requested: 1, available: 0 }] });
  });

  it('reserves exactly what is available', () => {
    expect(planReservation([{ sku: 'A', quantity: 3 }], stockOf(product('A', 5, 2))).ok).toBe(true);
  });
});

describe('quantitiesBySku', () => {
  it('adds up the lines of each sku', () => {
    expect(quantitiesBySku([{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }, { sku: 'A', quantity: 3 }])).toEqual(new Map([['A', 4], ['B', 2]]));
  });
});
