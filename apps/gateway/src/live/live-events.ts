import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@app/events';
import { Feed } from './feed';

/** Events a subscription may have queued before its client reads them; older ones are dropped. */
const FEED_LIMIT = 100;

interface Listener {
  accept(envelope: EventEnvelope): boolean;
  feed: Feed<EventEnvelope>;
}

/**
 * The in-process PubSub between the Kafka bridge and the subscriptions of this gateway instance.
 * Each subscription filters for itself (its order, its user), so an event is matched once per
 * open subscription and nothing is kept for subscriptions that are gone.
 */
@Injectable()
export class LiveEvents {
  private readonly listeners = new Set<Listener>();

  publish(envelope: EventEnvelope): void {
    for (const listener of this.listeners) if (listener.accept(envelope)) listener.feed.push(envelope);
  }

  /** The events `accept` takes, from now on, until the feed is returned. */
  feed(accept: (envelope: EventEnvelope) => boolean): Feed<EventEnvelope> {
    const listener: Listener = { accept, feed: new Feed(FEED_LIMIT, () => this.listeners.delete(listener)) };
    this.listeners.add(listener);
    return listener.feed;
  }

  /** Open subscriptions; for tests and diagnostics. */
  get listenerCount(): number {
    return this.listeners.size;
  }
}
