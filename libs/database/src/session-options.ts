import type { AppConfig } from '@app/config';
import type { ServiceRole } from './service-roles';

/**
 * Settings of every PostgreSQL connection an app opens (TypeORM's pool and the raw pg pools), so
 * nothing waits forever: a statement or a lock wait that exceeds its budget fails (and its event
 * is retried or dead-lettered by the consumer rules), a transaction left open by a stuck process
 * is ended by the server, and an unreachable server fails the connect instead of hanging it.
 * `applicationName` shows in pg_stat_activity and the server's log, so an operator (or a profile
 * of the statements) can tell whose connection is whose. `role` is the app's own PostgreSQL role
 * (SERVICE_ROLES), asked for at start-up: the session acts with that role's rights whatever the
 * login (tests and `npm start` log in as the local superuser).
 */
export const pgConnectionOptions = ({ postgresTimeouts: t }: AppConfig, applicationName: string, searchPath?: string, role?: ServiceRole) => ({
  application_name: applicationName,
  options: [
    ...(role ? [`-c role=${role}`] : []),
    ...(searchPath ? [`-c search_path=${searchPath}`] : []),
    `-c statement_timeout=${t.statementMs}`,
    `-c lock_timeout=${t.lockMs}`,
    `-c idle_in_transaction_session_timeout=${Math.max(t.statementMs * 2, 60_000)}`,
  ].join(' '),
  connectionTimeoutMillis: t.connectMs,
});
