// Loaded by startTracing only when tracing is on: nothing here is required otherwise.
import { context, propagation, trace } from '@opentelemetry/api';
import { suppressTracing, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { KeepCarriedTraceContext } from './keep-carried-propagator';
import type { ActiveTracing } from './state';
import { withoutQuery } from './without-query';

// Probed every few seconds by the tests, Docker and Prometheus: a trace each would bury the rest.
const UNTRACED_PATHS = new Set(['/health', '/metrics']);

const instrumentations = () => [
  new HttpInstrumentation({
    ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
    // Outgoing calls (Elasticsearch, SMTP over HTTP in dev) matter only as part of some work.
    requireParentforOutgoingSpans: true,
    requestHook: withoutQuery,
  }),
  // Never the values of arguments (allowValues off by default): they hold passwords and card tokens.
  new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
  // Queries only inside some traced work: the relays and schedulers poll on their own, every second.
  new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
  new KafkaJsInstrumentation(),
];

/**
 * The OpenTelemetry tracing SDK for Node: OTLP over HTTP/JSON (the exporter reads
 * OTEL_EXPORTER_OTLP_* itself, endpoint + /v1/traces), batched, W3C trace context, and the
 * instrumentations of http, graphql, pg and kafkajs (they hook `require`: see register.ts).
 */
export function startSdk(serviceName: string, exporter: SpanExporter = new OTLPTraceExporter()): ActiveTracing {
  const provider = new NodeTracerProvider({
    // OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME, when set, win over our defaults.
    resource: defaultResource()
      .merge(resourceFromAttributes({ 'service.name': serviceName, 'service.namespace': 'commerce' }))
      .merge(detectResources({ detectors: [envDetector] })),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  provider.register({ propagator: new KeepCarriedTraceContext(new W3CTraceContextPropagator()) });
  const unhook = registerInstrumentations({ tracerProvider: provider, instrumentations: instrumentations() });
  return {
    tracer: provider.getTracer('@app/tracing'),
    suppress: suppressTracing,
    async shutdown() {
      unhook();
      // Flushes what the batch processor still holds, so the last spans are not lost on exit.
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
