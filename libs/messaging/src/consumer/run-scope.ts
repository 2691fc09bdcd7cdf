/** Something a handler gathers over a run and writes once, e.g. one `_bulk` request per run. */
export interface RunBuffer {
  flush(): Promise<void>;
}

/**
 * What the handlers of one run share: buffers keyed by their owner, flushed in creation order
 * after the last event's handler and before the run's transaction commits. A flush that throws
 * fails the run like a handler would (the run is then applied around the failure, one event and
 * one flush at a time), so nothing is recorded as processed that was not written.
 */
export class RunScope {
  private readonly buffers = new Map<object | symbol, RunBuffer>();

  buffer<T extends RunBuffer>(owner: object | symbol, create: () => T): T {
    let buffer = this.buffers.get(owner);
    if (!buffer) {
      buffer = create();
      this.buffers.set(owner, buffer);
    }
    return buffer as T;
  }

  async flush(): Promise<void> {
    for (const buffer of this.buffers.values()) await buffer.flush();
  }
}
