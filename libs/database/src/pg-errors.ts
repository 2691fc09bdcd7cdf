/** The PostgreSQL error this code branches on (SQLSTATE 23505), with the constraint it names. */
export interface UniqueViolation {
  code: '23505';
  constraint?: string;
}

/**
 * Whether `error` is PostgreSQL's unique violation: a concurrent writer (or an earlier attempt of
 * the same command) got there first. The one place that knows the code; pg's errors are untyped.
 */
export const isUniqueViolation = (error: unknown): error is UniqueViolation =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
