/**
 * An async iterator fed by `push()`, for one subscription. Bounded: a client that stops reading
 * keeps at most `limit` items and loses the oldest (live updates are at-most-once anyway), so a
 * slow socket cannot grow the gateway's memory without end. `return()` detaches it at once.
 */
export class Feed<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting?: (result: IteratorResult<T>) => void;
  private closed = false;

  constructor(
    private readonly limit: number,
    private readonly onClose: () => void = () => undefined,
  ) {}

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const deliver = this.waiting;
      this.waiting = undefined;
      deliver({ value: item, done: false });
      return;
    }
    this.items.push(item);
    if (this.items.length > this.limit) this.items.shift();
  }

  next(): Promise<IteratorResult<T>> {
    if (this.items.length > 0) return Promise.resolve({ value: this.items.shift()!, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.items.length = 0;
      this.onClose();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}

/**
 * Wraps an async generator that reads `source`, so that `return()` closes the source first. An
 * async generator queues `return()` behind the await it is suspended in, and for a quiet feed
 * that await never ends: the subscription (and its listener) would outlive the client.
 */
export function closingWith<T>(generator: AsyncGenerator<T>, source: AsyncIterator<unknown>): AsyncIterableIterator<T> {
  return {
    next: () => generator.next(),
    return: async () => {
      await source.return?.();
      return generator.return(undefined);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
