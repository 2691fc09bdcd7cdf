/** How often and how patiently a handler is retried before its event is dead-lettered. */
export interface RetryPolicy {
  /** Handler attempts in total, the first one included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 200, maxDelayMs: 5000 };

/** Exponential backoff before attempt `failedAttempt + 1`: base, 2*base, 4*base... capped. */
export const backoffDelay = (policy: RetryPolicy, failedAttempt: number): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));

/** While a dependency is down (see isTransient): 0.5, 1, 2 ... s, then every 30 s, for as long as it takes. */
export const OUTAGE_MAX_DELAY_MS = 30_000;
export const outageDelay = (waitsSoFar: number): number => Math.min(OUTAGE_MAX_DELAY_MS, 500 * 2 ** Math.min(waitsSoFar, 10));

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sleeps `ms` in slices, returning early (false) once `stopping()` holds: an outage wait must not hold up a shutdown. */
export const sleepUnless = async (ms: number, stopping: () => boolean): Promise<boolean> => {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (stopping()) return false;
    await sleep(Math.min(1000, end - Date.now()));
  }
  return !stopping();
};
