export * from './command-message';
export * from './patterns';
export * from './command-data';
export * from './server';
export * from './security';
