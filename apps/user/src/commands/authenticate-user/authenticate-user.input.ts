import { z } from 'zod';
import { parseInput } from '@app/commands';

// Only the shape is checked: a malformed email or a short password is simply not a match, and
// must get the same UNAUTHENTICATED answer as any other miss.
const authenticateUserInput = z.object({
  email: z.string({ error: 'email must be a string' }).trim().toLowerCase().max(320, 'email is too long'),
  password: z.string({ error: 'password must be a string' }).max(1024, 'password must be at most 1024 characters'),
});

export type AuthenticateUserInput = z.output<typeof authenticateUserInput>;

export const parseAuthenticateUserInput = (data: unknown): AuthenticateUserInput => parseInput(authenticateUserInput, data);
