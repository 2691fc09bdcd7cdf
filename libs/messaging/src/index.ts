export * from './ensure-topics';
export * from './kafka-codec';
export * from './producer';
export * from './consumer';
export * from './dead-letter';
export * from './migrations';
export * from './doorbell';
export * from './periodic-task';
