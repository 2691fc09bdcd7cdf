export * from './command-meta';
export * from './command-reply';
export * from './parse-input';
export * from './start-command-server';
export * from './require-admin';
export * from './settle-dead-letters-reply';
