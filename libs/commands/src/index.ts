export * from './command-message';
export * from './patterns';
