/** One column of an upserted row, with the SQL type its parameter is cast to when pg cannot infer it. */
export interface UpsertColumn {
  name: string;
  cast?: 'jsonb' | 'int' | 'text' | 'timestamptz';
  /** Its SQL type: what versionGuardedUpsertMany sends its values as. */
  type: TypedColumn['type'];
}

/**
 * The projections' whole-row write: INSERT the row keyed by "id", or, when it is there, set
 * `updated` from the event only if the event's "version" is newer. A replay, a duplicate or an
 * older event arriving late is then a no-op instead of a rollback of newer data. Parameters are
 * the columns in order. Table and column names come from code, never from input.
 */
export const versionGuardedUpsert = (table: string, columns: readonly UpsertColumn[], updated: readonly string[]): string =>
  `INSERT INTO ${table} AS t (${columns.map((c) => `"${c.name}"`).join(', ')})
  VALUES (${columns.map((c, i) => `$${i + 1}${c.cast ? `::${c.cast}` : ''}`).join(', ')})
  ON CONFLICT ("id") DO UPDATE SET ${updated.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ')}
  WHERE t."version" < EXCLUDED."version"`;

/** Every column but the key: what a whole-row upsert sets. */
export const allButId = (columns: readonly UpsertColumn[]): string[] => columns.map((c) => c.name).filter((name) => name !== 'id');

/** A column of versionGuardedUpsertMany: its SQL type, for the array its values travel in. */
export interface TypedColumn {
  name: string;
  type: 'uuid' | 'text' | 'int' | 'jsonb' | 'timestamptz';
}

/**
 * versionGuardedUpsert's rule for many rows in one statement (a rebuild's batch): the parameters
 * are one array per column, in order, and the rows' ids must be distinct.
 */
export const versionGuardedUpsertMany = (table: string, columns: readonly UpsertColumn[], updated: readonly string[]): string =>
  `INSERT INTO ${table} AS t (${columns.map((c) => `"${c.name}"`).join(', ')})
  SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})
  ON CONFLICT ("id") DO UPDATE SET ${updated.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ')}
  WHERE t."version" < EXCLUDED."version"`;
