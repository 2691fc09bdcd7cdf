// Schemas are plain z.object, not .strict(): unknown keys are stripped, not rejected. A stray
// extra key then neither dead-letters an event nor travels on to stores and read models.
export * from './payment-processed.event';
export * from './payment-failed.event';
export * from './payment-refunded.event';
