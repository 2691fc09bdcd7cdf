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
