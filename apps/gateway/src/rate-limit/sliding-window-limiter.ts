/**
 * At most `limit` accepted attempts per key in any `windowMs`. It keeps the times of accepted
 * attempts only (refused ones are not recorded), so a key holds at most `limit` entries.
 *
 * In memory, hence PER INSTANCE: N gateway replicas allow up to N x limit in total. A shared
 * store (Redis, Postgres) is what a cluster-wide limit would need.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep: number;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Records an attempt and returns true, or returns false when the key is over its limit. */
  tryAcquire(key: string): boolean {
    const now = this.now();
    this.sweep(now);
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  // Forget keys idle for a whole window, at most once per window, so memory follows recent
  // traffic and not every email or IP ever seen.
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.hits) {
      if (times[times.length - 1] <= now - this.windowMs) this.hits.delete(key);
    }
  }

  get size(): number {
    return this.hits.size;
  }
}
