/** PostgreSQL error code for a unique constraint violation. */
export const UNIQUE_VIOLATION = '23505';
