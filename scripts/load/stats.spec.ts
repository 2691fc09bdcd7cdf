import { evaluateOracle, formatOracle, type OracleInput } from './oracle';
import { percentile, summarize, tally } from './stats';

describe('percentile (nearest rank)', () => {
  it('is null for no values', () => {
    expect(percentile([], 50)).toBeNull();
    expect(summarize([])).toEqual({ count: 0, p50: null, p90: null, p99: null });
  });

  it('answers an observed value, whatever the input order', () => {
    const values = [7, 1, 10, 3, 9, 2, 8, 4, 6, 5];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(values[0]).toBe(7);
  });

  it('gives the slowest as p99 of a small run, and the single value for one', () => {
    expect(percentile([12.5], 50)).toBe(12.5);
    expect(summarize([3, 1, 2])).toEqual({ count: 3, p50: 2, p90: 3, p99: 3 });
  });

  it('ranks on 100 values as the definition says', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect([percentile(values, 50), percentile(values, 90), percentile(values, 99)]).toEqual([50, 90, 99]);
  });

  it('refuses a percentile outside 0..100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('tally', () => {
  it('counts each cancellation reason', () => {
    expect(tally(['OUT_OF_STOCK', 'PAYMENT_FAILED', 'OUT_OF_STOCK'])).toEqual({ OUT_OF_STOCK: 2, PAYMENT_FAILED: 1 });
    expect(tally([])).toEqual({});
  });
});

describe('the stock oracle', () => {
  const balanced: OracleInput = { initialStock: 10, confirmedUnits: 7, available: 3, reserved: 0, nonFinal: 0 };

  it('holds when sold plus available is the initial stock, nothing is reserved and every order ended', () => {
    expect(evaluateOracle(balanced)).toEqual({ stockBalances: true, reservedZero: true, allFinal: true, ok: true });
    expect(formatOracle(balanced, evaluateOracle(balanced))).toBe(
      'ORACLE confirmed_units + available = initial_stock: ok (7 + 3 = 10), reserved = 0: ok, non-final orders = 0: ok',
    );
  });

  it('fails on units lost or created', () => {
    expect(evaluateOracle({ ...balanced, available: 2 })).toMatchObject({ stockBalances: false, ok: false });
    expect(evaluateOracle({ ...balanced, available: 4 })).toMatchObject({ stockBalances: false, ok: false });
  });

  it('fails on a reservation left behind, even when the sum balances', () => {
    const input = { ...balanced, available: 2, confirmedUnits: 8, reserved: 1 };
    const result = evaluateOracle(input);
    expect(result).toEqual({ stockBalances: true, reservedZero: false, allFinal: true, ok: false });
    expect(formatOracle(input, result)).toContain('reserved = 0: FAIL');
  });

  it('fails when an order did not end', () => {
    expect(evaluateOracle({ ...balanced, nonFinal: 1 })).toMatchObject({ allFinal: false, ok: false });
  });

  it('holds for a sold-out product whose extra orders were cancelled', () => {
    expect(evaluateOracle({ initialStock: 5, confirmedUnits: 5, available: 0, reserved: 0, nonFinal: 0 }).ok).toBe(true);
  });
});
