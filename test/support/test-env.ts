import { loadConfig } from '@app/config';

/**
 * E2E tests write to the database and may drop schemas: refuse any database whose name does not
 * end with `_test`, so a test run can never touch development or production data.
 */
export function assertTestDatabase(databaseUrl = loadConfig().databaseUrl): void {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!name.endsWith('_test')) {
    throw new Error(
      `Refusing to run e2e tests against database "${name}": DATABASE_URL must name a database ` +
        'ending with _test (e.g. postgres://postgres@127.0.0.1:5432/commerce_test).',
    );
  }
}
