// Schemas are plain z.object, not .strict(): unknown keys are stripped, not rejected. A stray
// extra key then neither dead-letters an event nor travels on to stores and read models.
export * from './user-registered.v1.event';
export * from './user-registered.event';
export * from './user-registered.upcaster';
export * from './user-tokens-revoked.event';
