import { CreateProcessedEvents1764201600000 } from './1764201600000-create-processed-events';

/** Migrations of every consuming service's schema, oldest first (pass them to DatabaseModule). */
export const CONSUMER_MIGRATIONS = [CreateProcessedEvents1764201600000];
