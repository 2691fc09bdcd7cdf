import type { z } from 'zod';
import { ApiError } from '../errors/api-error';

/**
 * Checks arguments before any command is sent; the first problem becomes BAD_USER_INPUT with
 * `field` as the path inside the arguments (`lines.0.quantity`). Schemas carry their own
 * messages, so a value is never echoed back.
 */
export function validateInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw new ApiError('BAD_USER_INPUT', issue.message, issue.path.length > 0 ? issue.path.map(String).join('.') : undefined);
}
