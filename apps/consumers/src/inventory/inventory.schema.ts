/**
 * The inventory's own schema: its event store (the outbox its relay publishes), its stock and
 * reservation rows, and the consumers app's migrations table and processed_events.
 */
export const INVENTORY_SCHEMA = 'inventory';
