import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CreateEventStore1764115200000 } from './1764115200000-create-event-store';
import { IdempotencyAndNotify1764115300000 } from './1764115300000-idempotency-and-notify';
import { AppendLock1795000000000 } from './1795000000000-append-lock';

/**
 * A whole event store (every migration above, in order) in `schema`, as ONE migration named
 * `<name><timestamp>`, for an app whose DataSource is bound to another schema and that needs a
 * second store: the consumers app (schema inventory) gives notifications one of their own, so a
 * notification's transaction never holds back the inventory relay. Later event store migrations
 * must be added to such stores by a migration of their own, as they are to the main ones.
 */
export const eventStoreMigrationIn = (schema: string, name: string, timestamp: number): new () => MigrationInterface => {
  const steps = () => [new CreateEventStore1764115200000(schema), new IdempotencyAndNotify1764115300000(schema), new AppendLock1795000000000(schema)];
  return class implements MigrationInterface {
    name = `${name}${timestamp}`;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      for (const step of steps()) await step.up(q);
    }

    async down(q: QueryRunner): Promise<void> {
      for (const step of steps().reverse()) await step.down(q);
    }
  };
};
