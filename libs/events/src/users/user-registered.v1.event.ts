import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { displayName, id } from '../fields';

/** Published before roles existed; still in stored streams, so kept and upcast on read. */
export class UserRegisteredV1 extends defineEvent({
  type: 'UserRegistered',
  version: 1,
  topic: TOPICS.users,
  aggregate: 'user',
  schema: z.object({ userId: id(), email: z.email(), name: displayName() }),
}) {}
