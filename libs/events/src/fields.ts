import { z } from 'zod';

// Field schemas shared by several contracts. Editing one edits every contract that uses it:
// contracts.spec.ts then fails for each of them, which is the point.

export const id = () => z.uuid();
/** Money is integer cents: floats cannot represent most decimal prices exactly. */
export const cents = () => z.number().int().nonnegative();
export const sku = () => z.string().min(1).max(64);
export const quantity = () => z.number().int().min(1).max(1000);
export const displayName = () => z.string().min(1).max(200);
