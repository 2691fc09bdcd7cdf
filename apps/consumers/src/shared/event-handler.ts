import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@app/events';
import type { EventHandlerFn, RunScope } from '@app/messaging';

/** One event type's effect in one consumer (one class per file: `*.projection.ts`, `*.handler.ts`). */
export interface EventHandler<P = any> {
  /** The contract's stable wire name, e.g. `UserRegistered.type`. */
  readonly eventType: string;
  handle(event: EventEnvelope<P>, em: EntityManager, run: RunScope): Promise<void>;
}

/**
 * A consumer has one `@ConsumerPattern` per topic (ConsumerServer refuses a second), so it routes
 * each event of that topic to the handler of its type. Types it has no handler for are skipped:
 * the runtime still records them as processed, which is right, since there is nothing to apply.
 */
export const dispatchByType = (handlers: readonly EventHandler[]): EventHandlerFn => {
  const byType = new Map<string, EventHandler>();
  for (const h of handlers) {
    if (byType.has(h.eventType)) throw new Error(`two handlers for ${h.eventType}`);
    byType.set(h.eventType, h);
  }
  return async (event, em, run) => {
    await byType.get(event.type)?.handle(event, em, run);
  };
};
