import type { RetryPolicy } from '@app/messaging';

/** How MailDispatcher paces itself. */
export const DISPATCH = {
  /** Deliveries claimed per short transaction. */
  batchSize: 20,
  /** Fallback poll when no NOTIFY arrives (LISTEN session down, or a backoff came due). */
  pollIntervalMs: 2000,
  /**
   * How long a claimed delivery stays reserved for the dispatcher that claimed it. Must outlast a
   * send (see the transport timeouts in Mailer); when it runs out (a crash) another one retries.
   */
  leaseMs: 120_000,
} as const;

/** SMTP failures: 10 sends in total, 5 s doubling to at most 10 min apart (about 37 min), then FAILED. */
export const SEND_RETRY: RetryPolicy = { attempts: 10, baseDelayMs: 5_000, maxDelayMs: 600_000 };
