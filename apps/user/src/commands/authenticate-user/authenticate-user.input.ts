import { z } from 'zod';
import { parseInput } from '@app/commands';

// Only the shape is checked: a malformed email or a short password is simply not a match, and
// must get the same UNAUTHENTICATED answer as any other miss.
const authenticateUserInput = z.object({
  email: z.string({ error: 'email must be a string' }).trim().toLowerCase().max(320, 'email is too long'),
  password: z.string({ error: 'password must be a string' }).max(1024, 'password must be at most 1024 characters'),
  // Where the request came from, as the gateway saw it (the command is signed, so it can be trusted): for the limits in LoginGuard.
  clientAddress: z.string({ error: 'clientAddress must be a string' }).min(1).max(100, 'clientAddress is too long').default('unknown'),
});

export type AuthenticateUserInput = z.output<typeof authenticateUserInput>;

export const parseAuthenticateUserInput = (data: unknown): AuthenticateUserInput => parseInput(authenticateUserInput, data);
