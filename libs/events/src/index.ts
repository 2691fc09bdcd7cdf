export * from './topics';
export * from './envelope';
export * from './define-event';
export * from './errors';
export * from './registry';
