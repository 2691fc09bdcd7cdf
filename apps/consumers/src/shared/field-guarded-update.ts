/** One column an event sets, with the SQL type its parameter is cast to when pg cannot infer it. */
export interface GuardedColumn {
  column: string;
  value: unknown;
  cast?: 'jsonb' | 'timestamptz';
}

const seen = (column: string) => `coalesce((field_versions ->> '${column}')::int, 0)`;

/**
 * An UPDATE that applies an event field by field: each column takes the event's value only when
 * no later event of the stream has set that column already (`field_versions` holds, per column,
 * the stream version that last set it). So a late or redriven older event still fills in what is
 * missing (e.g. the total of an OrderAwaitingPayment dead-lettered while its OrderConfirmed was
 * applied) without undoing anything newer, and a duplicate matches no row and writes nothing.
 * `version` stays the highest version applied, which read-your-writes waits on.
 *
 * Table, key and column names come from code, never from input; values are parameters
 * ($1 the key, $2 the version, then the columns in order). RETURNING `returning` when given.
 */
export function fieldGuardedUpdate(table: string, keyColumn: string, columns: readonly GuardedColumn[], returning = 'version'): string {
  const sets = columns.map(({ column, cast }, i) => `"${column}" = CASE WHEN ${seen(column)} < $2 THEN $${i + 3}${cast ? `::${cast}` : ''} ELSE "${column}" END`);
  const versions = columns.map(({ column }) => `'${column}', greatest(${seen(column)}, $2)`).join(', ');
  const missing = columns.map(({ column }) => `${seen(column)} < $2`).join(' OR ');
  return `UPDATE ${table} SET ${sets.join(', ')}, field_versions = field_versions || jsonb_build_object(${versions}), version = greatest(version, $2)
    WHERE "${keyColumn}" = $1 AND (${missing}) RETURNING ${returning}`;
}

/** The parameters of fieldGuardedUpdate's statement, JSON values serialised for their jsonb cast. */
export const fieldGuardedParams = (key: string, version: number, columns: readonly GuardedColumn[]): unknown[] => [
  key,
  version,
  ...columns.map(({ value, cast }) => (cast === 'jsonb' ? JSON.stringify(value) : value)),
];

/** A column of fieldGuardedUpdateMany, with the SQL type of its values. */
export interface TypedGuardedColumn {
  column: string;
  type: 'text' | 'int' | 'bigint' | 'jsonb' | 'timestamptz';
}

/**
 * fieldGuardedUpdate's rule for many rows in one statement (a rebuild's batch). Parameters: $1
 * the keys (uuid[]), $2 each row's highest version, then per column its values and the version
 * that set each (null where nothing set it). Keys must be distinct: fold a row's events first,
 * each column keeping the value of its highest version, which is what applying them one by one
 * leaves. RETURNING the keys it found, so the caller can tell rows that do not exist.
 */
export function fieldGuardedUpdateMany(table: string, keyColumn: string, columns: readonly TypedGuardedColumn[]): string {
  const seen = (column: string) => `coalesce((t.field_versions ->> '${column}')::int, 0)`;
  const sets = columns.map(({ column }) => `"${column}" = CASE WHEN d."${column}__v" > ${seen(column)} THEN d."${column}" ELSE t."${column}" END`);
  const versions = columns.map(({ column }) => `'${column}', CASE WHEN d."${column}__v" IS NOT NULL THEN greatest(${seen(column)}, d."${column}__v") END`);
  const params = columns.flatMap(({ type }, i) => [`$${2 * i + 3}::${type}[]`, `$${2 * i + 4}::int[]`]);
  const names = columns.flatMap(({ column }) => [`"${column}"`, `"${column}__v"`]);
  return `UPDATE ${table} AS t SET ${sets.join(', ')},
    field_versions = t.field_versions || jsonb_strip_nulls(jsonb_build_object(${versions.join(', ')})), version = greatest(t.version, d.version)
    FROM unnest($1::uuid[], $2::int[], ${params.join(', ')}) AS d(key, version, ${names.join(', ')})
    WHERE t."${keyColumn}" = d.key RETURNING t."${keyColumn}" AS key`;
}
