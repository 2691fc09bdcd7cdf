// Schemas are plain z.object, not .strict(): unknown keys are stripped, not rejected. A stray
// extra key then neither dead-letters an event nor travels on to stores and read models.
export * from './order-created.event';
export * from './order-awaiting-payment.event';
export * from './order-confirmed.event';
export * from './order-cancelled.v1.event';
export * from './order-cancelled.event';
export * from './order-cancelled.upcaster';
export * from './order-refunded.event';
