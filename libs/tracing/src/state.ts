import type { Context, Tracer } from '@opentelemetry/api';

/** What startTracing set up; stopTracing takes it down. */
export interface ActiveTracing {
  tracer: Tracer;
  /** The SDK's suppressTracing: instrumentations create no span and inject no header in the returned context. */
  suppress(context: Context): Context;
  shutdown(): Promise<void>;
}

/**
 * Undefined while tracing is off (OTEL_EXPORTER_OTLP_ENDPOINT unset), and then every helper of
 * this lib is a plain call: no span object, no context switch, no SDK module loaded.
 */
export const tracing: { active?: ActiveTracing } = {};
