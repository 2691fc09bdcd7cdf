import { z } from 'zod';
import { ApiError } from '../errors/api-error';

/** A position in the `createdAt desc, id desc` order of order_view. */
export interface OrderCursor {
  /** created_at as Postgres prints it in UTC, to the microsecond: a JS Date would drop digits and repeat or skip rows. */
  createdAt: string;
  id: string;
}

const cursorSchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.uuid()]);

/** Opaque to clients (base64url of JSON), so the format may change without breaking them. */
export const encodeOrderCursor = ({ createdAt, id }: OrderCursor): string => Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

/** BAD_USER_INPUT (field `after`) for anything encodeOrderCursor did not make. */
export function decodeOrderCursor(cursor: string): OrderCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const checked = cursorSchema.safeParse(parsed);
  if (!checked.success) throw new ApiError('BAD_USER_INPUT', 'after is not a cursor from this connection', 'after');
  const [createdAt, id] = checked.data;
  return { createdAt, id };
}
