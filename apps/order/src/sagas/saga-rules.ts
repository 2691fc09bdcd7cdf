import type { SagaState } from './order-saga.entity';

/*
 * When a saga is in flight or overdue, said once: the /metrics gauges, the deadline scan, the
 * open-orders limit and the admin's saga_states function (migration 1795700000000) all ask the
 * same question and must agree. SQL over a row of orders.order_sagas, `prefix` naming the row
 * (`s.`, `EXCLUDED.`) when the statement needs one. A change here reaches saga_states only with a
 * new migration that recreates the function, and the partial indexes only with one that rebuilds
 * them (their predicates must stay what these say for the planner to use them).
 */

/** The states a saga is still working in, holding stock, with a deadline to enforce. */
export const IN_FLIGHT: readonly SagaState[] = ['PENDING', 'AWAITING_PAYMENT'];

export const inFlightSql = (prefix = ''): string => `${prefix}state IN (${IN_FLIGHT.map((s) => `'${s}'`).join(', ')})`;

/** In flight and past its deadline: the scan is due to cancel it (or is behind, or failing). */
export const overdueSql = (prefix = ''): string => `${inFlightSql(prefix)} AND ${prefix}deadline_at < now()`;
