import { StoredEventsModule } from '../../stored-events/stored-events.module';
import { DeliveriesReader } from './deliveries.reader';
import { ProcessedEventsReader } from './processed-events.reader';
import { TraceHandler } from './trace.handler';
import { TraceResolver } from './trace.resolver';

/** `trace(correlationId)`: for ADMIN_RESOLVERS (and so the schema-contract spec). */
export const TRACE_RESOLVERS = [TraceResolver];

export const TRACE_PROVIDERS = [TraceHandler, ProcessedEventsReader, DeliveriesReader];

/** What the providers need from elsewhere: the event log (EventLogReader). */
export const TRACE_IMPORTS = [StoredEventsModule];
