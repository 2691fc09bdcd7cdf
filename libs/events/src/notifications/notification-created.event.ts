import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { id } from '../fields';

/**
 * A notification for a user was recorded (an email queued or an in-app push). The gateway turns
 * PUSH ones into `notificationReceived` subscription messages. No addresses or message bodies:
 * the template name and its subject (an order id) are enough to show and to link.
 */
export class NotificationCreated extends defineEvent({
  type: 'NotificationCreated',
  version: 1,
  topic: TOPICS.notifications,
  aggregate: 'notification',
  schema: z.object({
    notificationId: id(),
    userId: id(),
    channel: z.enum(['EMAIL', 'PUSH']),
    template: z.string().min(1).max(64),
    status: z.enum(['PENDING', 'SENT', 'FAILED']),
    /** What it is about, e.g. the order id, when there is one. */
    subjectId: z.string().max(100).nullable(),
  }),
}) {}
