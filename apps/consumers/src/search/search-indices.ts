/**
 * Elasticsearch names, in one place. Readers and writers use the alias only; the versioned index
 * behind it lets a reindex build `users-v2` and swap the alias atomically, with no downtime.
 * (Products and orders will join here.)
 */
export const USERS_ALIAS = 'users';
export const USERS_INDEX = 'users-v1';
