import { ORDER_SAGA_HISTORY, streamIdOf } from '@app/events';

/** The event types of a saga's history (libs/events: what opens the saga, what it reacts to). */
export const SAGA_EVENT_TYPES: readonly string[] = [...new Set(ORDER_SAGA_HISTORY.map((event) => event.type))];

const AGGREGATES = [...new Set(ORDER_SAGA_HISTORY.map((event) => event.aggregate))];

/**
 * The streams an order's saga events are recorded in, from their contracts' aggregates: the
 * order's and its reservation's (keyed by order id), its payment's (keyed by payment id; none
 * until a payment is recorded). By stream, not by payload: read_model.event_log is indexed by
 * stream only. An aggregate not known here fails loudly (and its spec) rather than hide events.
 */
export const sagaStreams = (orderId: string, paymentId: string | undefined): string[] =>
  AGGREGATES.flatMap((aggregate) => {
    switch (aggregate) {
      case 'order':
      case 'reservation':
        return [streamIdOf(aggregate, orderId)];
      case 'payment':
        return paymentId ? [streamIdOf(aggregate, paymentId)] : [];
      default:
        throw new Error(`no stream known for the saga's ${aggregate} events`);
    }
  });
