// Schemas are plain z.object, not .strict(): unknown keys are stripped, not rejected. A stray
// extra key then neither dead-letters an event nor travels on to stores and read models.
export * from './product-added.event';
export * from './stock-adjusted.event';
export * from './inventory-reserved.event';
export * from './inventory-reservation-failed.event';
export * from './inventory-released.event';
export * from './inventory-committed.event';
