import { CreateEventStore1764115200000 } from './migrations/1764115200000-create-event-store';
import { IdempotencyAndNotify1764115300000 } from './migrations/1764115300000-idempotency-and-notify';
import { AppendLock1795000000000 } from './migrations/1795000000000-append-lock';
import { RelayParked1795300000000 } from './migrations/1795300000000-relay-parked';
import { RelayStatus1795600000000 } from './migrations/1795600000000-relay-status';
import { EventsReadableByReadSide1795900000000 } from './migrations/1795900000000-events-readable-by-read-side';
import { RelayStatusSearchPath1795900000002 } from './migrations/1795900000002-relay-status-search-path';

/** Every migration of the event store, oldest first; producer apps pass these to their DataSource. */
export const EVENT_STORE_MIGRATIONS = [CreateEventStore1764115200000, IdempotencyAndNotify1764115300000, AppendLock1795000000000, RelayParked1795300000000, RelayStatus1795600000000, EventsReadableByReadSide1795900000000, RelayStatusSearchPath1795900000002];
export { CreateEventStore1764115200000, IdempotencyAndNotify1764115300000, AppendLock1795000000000, RelayParked1795300000000, RelayStatus1795600000000, EventsReadableByReadSide1795900000000, RelayStatusSearchPath1795900000002 };

export { eventStoreMigrationIn, type StoreMigration } from './migrations/event-store-in';
export * from './errors';
export * from './append-lock';
export * from './types';
export * from './event-store';
export { START, type Checkpoint, type Batch } from './read-all';
export * from './relay/outbox-relay';
export { relayStatus, type RelayStatus } from './relay/relay-status';
export * from './aggregate/event-sourced-aggregate';
export * from './aggregate/aggregate-repository';
export * from './nest/event-store.module';
