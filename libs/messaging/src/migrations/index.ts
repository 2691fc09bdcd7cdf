import { CreateProcessedEvents1764201600000 } from './1764201600000-create-processed-events';
import { ProcessedEventsOf1795800000000 } from './1795800000000-processed-events-of';
import { ProcessedEventsOfSearchPath1795900000003 } from './1795900000003-processed-events-of-search-path';

export { PROCESSED_EVENTS_OF_MAX_IDS } from './1795800000000-processed-events-of';

/** Migrations of every consuming service's schema, oldest first (pass them to DatabaseModule). */
export const CONSUMER_MIGRATIONS = [CreateProcessedEvents1764201600000, ProcessedEventsOf1795800000000, ProcessedEventsOfSearchPath1795900000003];
