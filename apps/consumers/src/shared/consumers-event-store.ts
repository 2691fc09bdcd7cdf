import { EventStoreModule } from '@app/event-store';
import { INVENTORY_SCHEMA } from '../inventory/inventory.schema';

/**
 * The one event store of this app (schema inventory: its events table, relay and producer).
 * Inventory and notifications both append to it; each forService() call would be a pool,
 * producer and relay of its own, so every module imports this same dynamic module object,
 * which Nest instantiates once.
 */
export const CONSUMERS_EVENT_STORE = EventStoreModule.forService({ schema: INVENTORY_SCHEMA });
