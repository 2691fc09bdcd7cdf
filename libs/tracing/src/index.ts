export { activeTraceparent, coveredBy, inSpan, recordFailure, SpanKind, type SpanSpec } from './spans';
export { otlpEndpoint, startTracing, stopTracing, tracingEnabled, type TracingOptions } from './start-tracing';
export { TracingModule } from './tracing.module';
