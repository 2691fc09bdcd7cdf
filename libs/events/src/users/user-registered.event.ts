import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { displayName, id } from '../fields';

// Email is lowercased by the user service before it emits; the contract does not rewrite data.
// Credentials never leave the user service, so no password or hash field, in any version.
export class UserRegistered extends defineEvent({
  type: 'UserRegistered',
  version: 2,
  topic: TOPICS.users,
  aggregate: 'user',
  schema: z.object({ userId: id(), email: z.email(), name: displayName(), role: z.enum(['CUSTOMER', 'ADMIN']) }),
}) {}
