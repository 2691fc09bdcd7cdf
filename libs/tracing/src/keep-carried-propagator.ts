import type { Context, TextMapGetter, TextMapPropagator, TextMapSetter } from '@opentelemetry/api';

const carriesTraceparent = (carrier: unknown): boolean =>
  typeof carrier === 'object' && carrier !== null && (carrier as Record<string, unknown>).traceparent !== undefined;

/**
 * W3C trace context, except that inject leaves alone a carrier that already holds a traceparent.
 * An event's Kafka headers carry the context of the span that appended it (its stored metadata);
 * kafkajs' instrumentation would overwrite that with the context of its own send span wherever an
 * event is sent again with its headers: the dead-letter topic, a redrive.
 */
export class KeepCarriedTraceContext implements TextMapPropagator {
  constructor(private readonly inner: TextMapPropagator) {}

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    if (!carriesTraceparent(carrier)) this.inner.inject(context, carrier, setter);
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    return this.inner.extract(context, carrier, getter);
  }

  fields(): string[] {
    return this.inner.fields();
  }
}
