export * from './retry-policy';
export * from './consumer-definition';
export * from './errors';
export { ConsumerServer, type ConsumerServerOptions } from './consumer-server';
export * from './connect-consumer';
export * from './consumer-pattern.decorator';
export * from './consumer-runtime';
export * from './consumer-runtime.module';
export { BatchOutcome, KafkaBatchContext } from './batch-context';
