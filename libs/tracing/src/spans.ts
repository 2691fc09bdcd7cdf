import { type Attributes, type Context, context, isSpanContextValid, propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { tracing } from './state';

export { SpanKind };

export interface SpanSpec {
  name: string;
  kind?: SpanKind;
  /** A W3C traceparent to continue (a command's, an event's); without one, the active context's span is the parent. */
  parent?: string;
  attributes?: Attributes;
}

/** A spec, or a function making it: the latter is not even called while tracing is off. */
type SpecOf = SpanSpec | (() => SpanSpec);

const parentContext = (traceparent: string | undefined): Context =>
  // An invalid traceparent extracts to nothing: the span then continues the active context.
  traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();

const start = (tracer: NonNullable<typeof tracing.active>['tracer'], of: SpecOf): { span: Span; parent: Context } => {
  const spec = typeof of === 'function' ? of() : of;
  const parent = parentContext(spec.parent);
  return { span: tracer.startSpan(spec.name, { kind: spec.kind ?? SpanKind.INTERNAL, attributes: spec.attributes }, parent), parent };
};

const fail = (span: Span, error: unknown): void => {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
};

async function ending<T>(spans: Span[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    for (const span of spans) fail(span, error);
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

/**
 * Runs `fn` in a new span (the active one while it runs, so what it calls and sends joins it),
 * ended when `fn` settles; a rejection marks it failed. With tracing off: just `fn()`.
 */
export function inSpan<T>(of: SpecOf, fn: () => Promise<T>): Promise<T> {
  const active = tracing.active;
  if (!active) return fn();
  const { span, parent } = start(active.tracer, of);
  return ending([span], () => context.with(trace.setSpan(parent, span), fn));
}

/**
 * One span per item of a batch that one call handles at once (the relay's send of many events,
 * each continuing its own trace), ended when `fn` settles. `fn` runs with instrumentation
 * suppressed: kafkajs would otherwise start a send span per message in no trace at all.
 */
export function coveredBy<T>(specs: () => SpanSpec[], fn: () => Promise<T>): Promise<T> {
  const active = tracing.active;
  if (!active) return fn();
  const spans = specs().map((spec) => start(active.tracer, spec).span);
  return ending(spans, () => context.with(active.suppress(context.active()), fn));
}

/** The traceparent of the active span, to hand on (a command's, an event's metadata); undefined when tracing is off or nothing is active. */
export function activeTraceparent(): string | undefined {
  if (!tracing.active) return undefined;
  const span = trace.getActiveSpan()?.spanContext();
  if (!span || !isSpanContextValid(span)) return undefined;
  return `00-${span.traceId}-${span.spanId}-${(span.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/** Marks the active span failed, for an error that is answered rather than thrown (a command's INTERNAL reply). */
export function recordFailure(error: unknown): void {
  const span = tracing.active ? trace.getActiveSpan() : undefined;
  if (span) fail(span, error);
}
