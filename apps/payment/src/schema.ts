/** The Postgres schema the payment service owns: its event store and its payments table. */
export const PAYMENT_SCHEMA = 'payments';
