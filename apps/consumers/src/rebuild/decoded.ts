import { EVENT_REGISTRY, type EventEnvelope } from '@app/events';

/**
 * A stored event as the live consumers see it (upcast to its current schema), or undefined when
 * it cannot be decoded: what the live consumer would dead-letter, a rebuild counts as skipped
 * (its result says how many) instead of failing at that event.
 */
export const decoded = (stored: EventEnvelope): EventEnvelope<any> | undefined => {
  try {
    return EVENT_REGISTRY.upcastEnvelope<any>(stored);
  } catch {
    return undefined;
  }
};
