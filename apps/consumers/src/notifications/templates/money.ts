/**
 * 2500 -> "25.00". No currency symbol: prices are plain cents and the shop has no currency
 * setting yet; guessing one ("$", "€") would print a wrong sign for someone.
 */
export const formatCents = (cents: number): string => `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
