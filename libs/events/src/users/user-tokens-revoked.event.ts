import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { id } from '../fields';

/**
 * Every token the gateway issued to the user before `revokedBefore` (ISO 8601, milliseconds) is
 * refused from now on (sign out everywhere). A later revocation supersedes an earlier one.
 */
export class UserTokensRevoked extends defineEvent({
  type: 'UserTokensRevoked',
  version: 1,
  topic: TOPICS.users,
  aggregate: 'user',
  schema: z.object({ userId: id(), revokedBefore: z.iso.datetime({ offset: true }) }),
}) {}
