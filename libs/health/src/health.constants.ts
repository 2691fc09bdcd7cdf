/** A dependency slower than this is reported `down` rather than letting /health hang. */
export const HEALTH_TIMEOUT_MS = 3000;

/** Injection token of the indicators one app checks, in the order it listed them. */
export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');
