export * from './ensure-topics';
export * from './kafka-codec';
export * from './producer';
