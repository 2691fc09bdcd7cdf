import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { parseStreamId } from '@app/events';
import type { EventLogEntry } from '@app/read-model';
import { requireSignedIn } from '../../auth/require-principal';
import { ApiError } from '../../errors/api-error';
import { validateInput } from '../../shared/validate-input';
import { EventLogReader } from '../event-log.reader';
import { ListEventsQuery } from './list-events.query';
import { StreamOwner } from './stream-owner';

/**
 * One call answers at most this many events; a longer stream is read on with
 * `fromVersion: <last version + 1>`. Bounds the work of one request.
 */
export const MAX_EVENTS = 1000;

const argsSchema = z.object({
  streamId: z
    .string()
    .max(200, 'streamId is at most 200 characters')
    .refine((s) => tryParse(s) !== null, 'streamId must be "<aggregate>-<id>"'),
  fromVersion: z.number().int().min(0, 'fromVersion must not be negative'),
});

const tryParse = (streamId: string) => {
  try {
    return parseStreamId(streamId);
  } catch {
    return null;
  }
};

/** Admin, or the owner of the stream (see StreamOwner); events from `fromVersion` on, inclusive, in version order. */
@QueryHandler(ListEventsQuery)
export class ListEventsHandler implements IQueryHandler<ListEventsQuery> {
  constructor(
    private readonly log: EventLogReader,
    private readonly owners: StreamOwner,
  ) {}

  async execute({ principal, streamId, fromVersion }: ListEventsQuery): Promise<EventLogEntry[]> {
    const caller = requireSignedIn(principal, 'read event history');
    const args = validateInput(argsSchema, { streamId, fromVersion: fromVersion ?? 0 });
    if (caller.role !== 'ADMIN') {
      const { aggregate, id } = parseStreamId(args.streamId);
      if ((await this.owners.of(aggregate, id)) !== caller.userId) throw new ApiError('FORBIDDEN', 'You may only read the history of your own streams');
    }
    return this.log.read(args.streamId, args.fromVersion, MAX_EVENTS);
  }
}
