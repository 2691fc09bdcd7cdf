import type { SpanExporter } from '@opentelemetry/sdk-trace-node';
import { tracing } from './state';

/** Where spans go; undefined means tracing is off (OTEL_SDK_DISABLED=true turns it off too). */
export const otlpEndpoint = (env: NodeJS.ProcessEnv = process.env): string | undefined =>
  env.OTEL_SDK_DISABLED === 'true' ? undefined : env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined;

export interface TracingOptions {
  /** Instead of OTLP (specs); given one, tracing starts whatever the environment says. */
  exporter?: SpanExporter;
}

/**
 * Starts tracing for this process when an OTLP endpoint is configured; true when it did. Call it
 * before kafkajs, pg, http or graphql are loaded (register.ts). Idempotent.
 */
export function startTracing(serviceName: string, options: TracingOptions = {}): boolean {
  if (tracing.active) return true;
  if (!options.exporter && !otlpEndpoint()) return false;
  // Required here, not imported at the top: with tracing off, the SDK, the exporter and the
  // instrumentations are never loaded, so they cost neither start-up time nor memory.
  const { startSdk } = require('./sdk') as typeof import('./sdk');
  tracing.active = startSdk(serviceName, options.exporter);
  return true;
}

/** Flushes the spans still buffered and stops tracing (a no-op when it is off). */
export async function stopTracing(): Promise<void> {
  const active = tracing.active;
  tracing.active = undefined;
  await active?.shutdown();
}

export const tracingEnabled = (): boolean => tracing.active !== undefined;
