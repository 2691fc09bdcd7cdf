import { z } from 'zod';
import { parseInput } from '@app/commands';

// The same email rule as the UserRegistered contract (z.email), applied after normalising, so
// whatever passes here is also a valid event payload.
const registerUserInput = z.object({
  email: z
    .string({ error: 'email must be a string' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'email must be a valid email address' }).max(254, 'email must be at most 254 characters')),
  name: z.string({ error: 'name must be a string' }).trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters'),
  // Not trimmed: spaces are part of a password. The upper bound keeps hashing cheap to refuse.
  password: z.string({ error: 'password must be a string' }).min(8, 'password must be at least 8 characters').max(1024, 'password must be at most 1024 characters'),
  // Where the request came from, as the gateway saw it (the command is signed, so it can be trusted): for the limits in LoginGuard.
  clientAddress: z.string({ error: 'clientAddress must be a string' }).min(1).max(100, 'clientAddress is too long').default('unknown'),
});

export type RegisterUserInput = z.output<typeof registerUserInput>;

/** Email trimmed and lowercased, name trimmed; otherwise CommandRejected(BAD_USER_INPUT, field). */
export const parseRegisterUserInput = (data: unknown): RegisterUserInput => parseInput(registerUserInput, data);
