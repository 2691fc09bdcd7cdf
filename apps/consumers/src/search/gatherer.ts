/**
 * Gathers what concurrent callers ask for during a short window and sends it as one request,
 * handing each caller back the results of its own items, in its order. The search consumer works
 * six partitions at once and each finishes its run with a request of its own: at the rates an
 * order path sees, that was one `_bulk` of one or two documents per partition, and Elasticsearch
 * spends about as much on a request as on a hundred documents in one. If the combined request
 * fails, every caller gets the error (each run then retries, as it would have alone).
 */
export class Gatherer<Item, Result> {
  private pending: { items: Item[]; resolve: (results: Result[]) => void; reject: (error: unknown) => void }[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly windowMs: number,
    /** Must answer one result per item, in order. */
    private readonly send: (items: Item[]) => Promise<Result[]>,
  ) {}

  submit(items: Item[]): Promise<Result[]> {
    if (items.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      this.timer ??= setTimeout(() => void this.fire(), this.windowMs);
    });
  }

  private async fire(): Promise<void> {
    const callers = this.pending;
    this.pending = [];
    this.timer = undefined;
    try {
      const results = await this.send(callers.flatMap((c) => c.items));
      if (results.length !== callers.reduce((n, c) => n + c.items.length, 0)) throw new Error(`gathered request answered ${results.length} results`);
      let at = 0;
      for (const caller of callers) caller.resolve(results.slice(at, (at += caller.items.length)));
    } catch (error) {
      for (const caller of callers) caller.reject(error);
    }
  }
}
