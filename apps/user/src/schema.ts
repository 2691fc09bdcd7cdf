/** The Postgres schema the user service owns: its event store and its credentials. */
export const USER_SCHEMA = 'users';
