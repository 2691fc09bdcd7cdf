import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-node';
import { activeTraceparent, coveredBy, inSpan, recordFailure } from './spans';
import { otlpEndpoint, startTracing, stopTracing, tracingEnabled } from './start-tracing';
import { KeepCarriedTraceContext } from './keep-carried-propagator';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const parent = (span: string) => `00-${TRACE}-${span}-01`;

describe('tracing off (no OTLP endpoint)', () => {
  it('is off without OTEL_EXPORTER_OTLP_ENDPOINT, and with OTEL_SDK_DISABLED', () => {
    expect(otlpEndpoint({})).toBeUndefined();
    expect(otlpEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toBe('http://c:4318');
    expect(otlpEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' })).toBeUndefined();
  });

  it('never loads the SDK, and every helper is a plain call that hands on no trace context', async () => {
    let loaded = false;
    jest.isolateModules(() => {
      jest.doMock('./sdk', () => {
        loaded = true;
        return {};
      });
      const saved = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
      delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
      expect((require('./start-tracing') as typeof import('./start-tracing')).startTracing('test')).toBe(false);
      if (saved !== undefined) process.env.OTEL_EXPORTER_OTLP_ENDPOINT = saved;
    });
    jest.dontMock('./sdk');
    expect(loaded).toBe(false);
    expect(tracingEnabled()).toBe(false);
    await expect(inSpan({ name: 'x', parent: parent('b7ad6b7169203331') }, async () => activeTraceparent())).resolves.toBeUndefined();
    await expect(coveredBy(() => [{ name: 'y' }], async () => 'sent')).resolves.toBe('sent');
    expect(() => recordFailure(new Error('no span'))).not.toThrow();
  });
});

describe('tracing on', () => {
  const finished: ReadableSpan[] = [];
  const exporter: SpanExporter = {
    export: (spans, done) => {
      finished.push(...spans);
      done({ code: 0 });
    },
    shutdown: async () => undefined,
  };
  beforeAll(() => expect(startTracing('spec', { exporter })).toBe(true));
  afterAll(() => stopTracing());
  const flushed = async () => {
    await stopTracing();
    return finished;
  };

  it('continues a traceparent, hands on its own span as the active one, ends it, and marks a failure', async () => {
    let inside: string | undefined;
    await inSpan({ name: 'command createOrder', parent: parent('b7ad6b7169203331') }, async () => {
      inside = activeTraceparent();
    });
    await expect(inSpan({ name: 'inventory OrderCreated', parent: inside }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await coveredBy(
      () => [{ name: 'relay A', parent: parent('00f067aa0ba902b7') }, { name: 'relay B', parent: inside }],
      async () => expect(trace.getActiveSpan()?.isRecording() ?? false).toBe(false),
    );
    const spans = await flushed();
    const named = (name: string) => spans.find((s) => s.name === name)!;
    const command = named('command createOrder');
    expect(command.spanContext().traceId).toBe(TRACE);
    expect(command.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(inside).toBe(`00-${TRACE}-${command.spanContext().spanId}-01`);
    expect(named('inventory OrderCreated').parentSpanContext?.spanId).toBe(command.spanContext().spanId);
    expect(named('inventory OrderCreated').status.code).toBe(2);
    expect(named('relay A').parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(named('relay B').parentSpanContext?.spanId).toBe(command.spanContext().spanId);
    expect(spans.every((s) => s.spanContext().traceId === TRACE)).toBe(true);
    expect(command.resource.attributes['service.name']).toBe(process.env.OTEL_SERVICE_NAME || 'spec');
  });
});

describe('KeepCarriedTraceContext', () => {
  const propagator = new KeepCarriedTraceContext({
    inject: (_ctx, carrier, setter) => setter.set(carrier, 'traceparent', 'injected'),
    extract: (ctx) => ctx,
    fields: () => ['traceparent'],
  });
  const setter = { set: (c: Record<string, string>, k: string, v: string) => void (c[k] = v) };

  it("leaves a carrier's own traceparent (an event's headers) and fills one that has none", () => {
    const carried = { traceparent: 'appender' };
    const empty: Record<string, string> = {};
    propagator.inject(ROOT_CONTEXT, carried, setter);
    propagator.inject(ROOT_CONTEXT, empty, setter);
    expect(carried.traceparent).toBe('appender');
    expect(empty.traceparent).toBe('injected');
  });
});
