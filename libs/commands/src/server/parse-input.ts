import type { z } from 'zod';
import { CommandRejected } from '../command-message';

/**
 * Parses untrusted command data; the first problem becomes BAD_USER_INPUT naming its field.
 * Schemas carry their own messages, which never include the value (it may be a password).
 */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, notAnObject = 'command data must be an object'): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
  throw new CommandRejected('BAD_USER_INPUT', field ? issue.message : notAnObject, field);
}
