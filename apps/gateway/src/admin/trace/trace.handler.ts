import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { PROCESSED_EVENTS_OF_MAX_IDS } from '@app/messaging';
import { requireAdmin } from '../../auth/require-principal';
import { validateInput } from '../../shared/validate-input';
import { EventLogReader } from '../../stored-events/event-log.reader';
import type { TraceModel } from '../models/trace.model';
import { buildTrace, type TraceEvent } from './build-trace';
import { DeliveriesReader } from './deliveries.reader';
import { ProcessedEventsReader } from './processed-events.reader';
import { TraceQuery } from './trace.query';

/**
 * Ids are the gateway's command ids (uuids), a saga's or a job's (`reconcile:<orderId>`): any
 * short text. Longer would only cost an index lookup that finds nothing.
 */
const correlationIdSchema = z.string().min(1, 'correlationId must not be empty').max(200, 'correlationId is at most 200 characters');

/**
 * A correlation's first events, as many as processed_events_of looks at: an order's flow has a
 * dozen or so; one that ran away is shown as far as that, not read without end.
 */
export const MAX_TRACE_EVENTS = PROCESSED_EVENTS_OF_MAX_IDS;

const causationIdOf = (metadata: unknown): string | null => {
  const id = (metadata as { causationId?: unknown } | null)?.causationId;
  return typeof id === 'string' && id ? id : null;
};

/**
 * Admin only: the causation tree of one correlation from the stores (DESIGN.md 6b: no tracing
 * backend). An unknown correlation is no error: nothing is known of it yet (the log may still be
 * catching up), so its trace is empty, totalMs 0.
 */
@QueryHandler(TraceQuery)
export class TraceHandler implements IQueryHandler<TraceQuery> {
  constructor(
    private readonly log: EventLogReader,
    private readonly processed: ProcessedEventsReader,
    private readonly deliveries: DeliveriesReader,
  ) {}

  async execute({ principal, correlationId }: TraceQuery): Promise<TraceModel> {
    requireAdmin(principal, 'read traces');
    validateInput(z.object({ correlationId: correlationIdSchema }), { correlationId });
    const events: TraceEvent[] = (await this.log.readCorrelation(correlationId, MAX_TRACE_EVENTS)).map((e) => ({
      eventId: e.eventId,
      type: e.type,
      streamId: e.streamId,
      recordedAt: e.recordedAt,
      causationId: causationIdOf(e.metadata),
    }));
    if (!events.length) return { correlationId, nodes: [], totalMs: 0 };
    const eventIds = events.map((e) => e.eventId);
    const [applied, deliveries] = await Promise.all([this.processed.of(eventIds), this.deliveries.causedBy(eventIds)]);
    return buildTrace(correlationId, events, applied, deliveries);
  }
}
