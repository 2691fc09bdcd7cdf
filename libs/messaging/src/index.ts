export * from './ensure-topics';
