/**
 * The PostgreSQL role each app acts as: rights on its own schemas only, the gateway read-only on
 * the read models (libs/database/sql/service-roles.sql makes them). Every connection an app
 * opens asks for its role at start-up (`-c role=...`): with its own login that changes nothing,
 * and an app handed a more powerful login (the local superuser) still acts as its role.
 */
export const SERVICE_ROLES = {
  gateway: 'commerce_gateway',
  user: 'commerce_user',
  order: 'commerce_order',
  payment: 'commerce_payment',
  consumers: 'commerce_consumers',
} as const;

export type ServiceRole = (typeof SERVICE_ROLES)[keyof typeof SERVICE_ROLES];
