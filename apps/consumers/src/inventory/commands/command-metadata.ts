import type { CommandMeta } from '@app/commands';
import type { EventMetadata } from '@app/events';

/** Events appended by a command: its flow, the command as their cause, the admin who issued it. */
export const commandMetadata = (meta: CommandMeta, userId: string): EventMetadata => ({
  correlationId: meta.correlationId,
  causationId: meta.commandId,
  userId,
  ...(meta.traceparent ? { traceparent: meta.traceparent } : {}),
});
