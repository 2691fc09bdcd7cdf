import { Gauge } from 'prom-client';

/** What a module reports at each scrape: one value per label set. */
export type Sample<L extends string> = { labels: Record<L, string>; value: number };
type Source<L extends string> = () => Promise<Sample<L>[]>;

/**
 * A gauge read from a store at scrape time (how far a relay is behind, sagas by state), from
 * every source a module registered in this process. A source that fails leaves its series out of
 * that scrape rather than failing the scrape.
 */
export class SampledGauge<L extends string> {
  private readonly sources = new Set<Source<L>>();
  private readonly gauge: Gauge<L>;

  constructor(name: string, help: string, labelNames: readonly L[]) {
    const sources = this.sources;
    this.gauge = new Gauge<L>({
      name,
      help,
      labelNames,
      async collect() {
        this.reset();
        const results = await Promise.allSettled([...sources].map((source) => source()));
        for (const result of results) if (result.status === 'fulfilled') for (const { labels, value } of result.value) this.set(labels as never, value);
      },
    });
  }

  /** Adds a source; the returned function removes it (call it when the module stops). */
  add(source: Source<L>): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }
}

/** `read`, called at most once per `ms`: one query serves every gauge a scrape reads from it. */
export const sampledOncePer = <T>(ms: number, read: () => Promise<T>): (() => Promise<T>) => {
  let last: { at: number; value: Promise<T> } | undefined;
  return () => {
    if (!last || Date.now() - last.at > ms) last = { at: Date.now(), value: read() };
    return last.value;
  };
};

export const relayLagEvents = new SampledGauge('commerce_relay_lag_events', 'Events stored but not yet published to Kafka, per event store', ['schema'] as const);
export const relayLagSeconds = new SampledGauge('commerce_relay_lag_seconds', 'Age of the oldest event stored but not yet published, 0 when caught up', ['schema'] as const);
export const sagasByState = new SampledGauge('commerce_sagas', 'Order sagas by state', ['state'] as const);
export const sagasOverdue = new SampledGauge('commerce_sagas_overdue', 'Order sagas past their deadline and not finished', [] as const);
