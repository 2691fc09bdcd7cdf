/** The Postgres schema the order service owns: its event store, private tables and saga state. */
export const ORDER_SCHEMA = 'orders';
