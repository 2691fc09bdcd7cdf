import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createSchemaIfMissing } from '@app/database';

/** An event store migration that takes the schema it works in (see storeSchema). */
export type StoreMigration = new (schema?: string) => MigrationInterface;

/**
 * Event store migrations (`steps`, in order) applied to `schema`, as ONE migration named
 * `<name><timestamp>`, for an app whose DataSource is bound to another schema and that keeps a
 * second store: the consumers app (schema inventory) gives notifications one of their own, so a
 * notification's transaction never holds back the inventory relay. A migration list is history:
 * a step added to the event store later gets a migration of its own for such a store too.
 */
export const eventStoreMigrationIn = (schema: string, name: string, timestamp: number, steps: readonly StoreMigration[]): new () => MigrationInterface => {
  const instances = () => steps.map((Step) => new Step(schema));
  return class implements MigrationInterface {
    name = `${name}${timestamp}`;

    async up(q: QueryRunner): Promise<void> {
      await createSchemaIfMissing(q, schema);
      for (const step of instances()) await step.up(q);
    }

    async down(q: QueryRunner): Promise<void> {
      for (const step of instances().reverse()) await step.down(q);
    }
  };
};
