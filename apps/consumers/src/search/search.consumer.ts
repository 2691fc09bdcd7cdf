import { defineConsumer } from '@app/messaging';

/**
 * Keeps the Elasticsearch indices that the gateway's `search` queries.
 *
 * Retry: its handlers fail almost only when Elasticsearch is unreachable (restart, upgrade, a
 * long GC), and that is not a poison message: the default policy (5 attempts, ~3 s) would
 * dead-letter every event of an outage and leave the index stale until someone redrives them.
 * 40 attempts with backoff capped at 5 s wait about 3 minutes (0.25+0.5+1+2+4 s, then 5 s each),
 * which outlasts a restart or a minute or two of downtime; an event that still fails after that
 * is dead-lettered as usual. Meanwhile the partition stops (order per order is kept) and the
 * runtime heartbeats between attempts, so the member stays in its group and is not rebalanced.
 *
 * It lingers (see lingerMs): search is eventually consistent anyway, and a bigger batch is one
 * Elasticsearch bulk request instead of many.
 */
export const SEARCH = defineConsumer({
  name: 'search',
  groupId: 'consumers.search',
  clientId: 'consumers.search',
  retry: { attempts: 40, baseDelayMs: 250, maxDelayMs: 5000 },
  lingerMs: 100,
});
