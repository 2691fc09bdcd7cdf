import { z } from 'zod';

// Field rules shared by the product commands. Messages never echo the value.

/** A sku becomes part of a stream id and of URLs: a short, plain token. */
export const skuField = z
  .string({ error: 'sku must be a string' })
  .min(1, 'sku must not be empty')
  .max(64, 'sku must be at most 64 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'sku may only contain letters, digits, ".", "_" and "-"');

/** An integer in [min, max], with messages that name the field. */
export const intField = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a number` })
    .int(`${field} must be an integer`)
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`);
