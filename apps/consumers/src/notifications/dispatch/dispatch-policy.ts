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

/**
 * SMTP failures: 1 s doubling to at most 10 s apart, 60 sends in total (about 9.5 min), then
 * FAILED. The short cap means mails queued during an outage go out within ~10 s of the server's
 * return (a 10-minute cap left them waiting up to 10 minutes); the many attempts keep the
 * tolerated outage long. An attempt against a server that is down costs one refused connection.
 * Retrying never sends a mail twice while the server refuses connections (nothing was sent); see
 * MailDispatcher for the one window (a reply lost after the server took the mail) that can.
 */
export const SEND_RETRY: RetryPolicy = { attempts: 60, baseDelayMs: 1_000, maxDelayMs: 10_000 };
