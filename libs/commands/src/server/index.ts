export * from './command-meta';
export * from './command-reply';
export * from './parse-input';
export * from './start-command-server';
