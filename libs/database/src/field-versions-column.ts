import type { QueryRunner } from 'typeorm';

/**
 * The migration steps behind a field-guarded table (the consumers' fieldGuardedUpdate): a
 * `field_versions` jsonb column holding, per column, the stream version that last set it. Rows
 * written before it existed count each of `columns` as set at the row's `version`: what they hold
 * is as new as that, or a duplicate older event would count as missing everywhere and roll them back.
 * `table` is a quoted, schema-qualified name from code.
 */
export const addFieldVersions = async (q: QueryRunner, table: string, columns: readonly string[]): Promise<void> => {
  await q.query(`ALTER TABLE ${table} ADD COLUMN "field_versions" jsonb NOT NULL DEFAULT '{}'`);
  await q.query(`UPDATE ${table} SET "field_versions" = jsonb_build_object(${columns.map((c) => `'${c}', version`).join(', ')})`);
};

export const dropFieldVersions = (q: QueryRunner, table: string): Promise<unknown> => q.query(`ALTER TABLE ${table} DROP COLUMN "field_versions"`);
