/**
 * DataLoader's idea in a few lines, for one request: `load` calls made while a GraphQL response
 * is being resolved are gathered and fetched with one query, and each key is fetched once.
 * Create one per request (see OrderLoaders): the cache must never outlive it, or a caller would
 * see data another request loaded.
 */
export class BatchLoader<K, V> {
  private queue: { key: K; resolve: (value: V | null) => void; reject: (error: unknown) => void }[] = [];
  private readonly cache = new Map<K, Promise<V | null>>();

  /** `fetch` answers the keys it found; a key it leaves out loads as null. */
  constructor(private readonly fetch: (keys: K[]) => Promise<ReadonlyMap<K, V>>) {}

  load(key: K): Promise<V | null> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V | null>((resolve, reject) => this.queue.push({ key, resolve, reject }));
    this.cache.set(key, promise);
    // setImmediate runs after every pending promise callback: sibling resolvers, each behind a few
    // awaits in Nest's pipeline, have all called load() by then.
    if (this.queue.length === 1) setImmediate(() => void this.dispatch());
    return promise;
  }

  private async dispatch(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      const found = await this.fetch(batch.map((entry) => entry.key));
      for (const { key, resolve } of batch) resolve(found.get(key) ?? null);
    } catch (error) {
      // Not cached: a later load in the same request may try again.
      for (const { key, reject } of batch) {
        this.cache.delete(key);
        reject(error);
      }
    }
  }
}
