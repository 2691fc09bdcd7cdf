import { CreateEventStore1764115200000 } from './migrations/1764115200000-create-event-store';

/** Every migration of the event store, oldest first; producer apps pass these to their DataSource. */
export const EVENT_STORE_MIGRATIONS = [CreateEventStore1764115200000];
