import { randomUUID } from 'node:crypto';
import { EVENT_REGISTRY, OrderCancelled, OrderConfirmed, OrderCreated, PaymentFailed, type EventClass, type EventEnvelope } from '@app/events';

type Line = { sku: string; quantity: number };

/**
 * Order events as the order service's relay publishes them. Payloads go through the registry, so
 * a test cannot send what no producer could. Follow-ups share the order's correlation id and
 * user, and name the event before them as their cause.
 */
const envelope = <P extends { orderId: string }>(contract: EventClass<P>, payload: P, streamVersion: number, metadata: EventEnvelope['metadata']): EventEnvelope<P> => ({
  eventId: randomUUID(),
  type: contract.type,
  schemaVersion: contract.version,
  streamId: `order-${payload.orderId}`,
  aggregateId: payload.orderId,
  streamVersion,
  occurredAt: new Date().toISOString(),
  payload: EVENT_REGISTRY.validate<P>(contract.type, contract.version, payload),
  metadata,
});

/** `userId`: the customer, a fresh one by default. */
export const orderCreated = (lines: Line[], userId: string = randomUUID()): EventEnvelope<OrderCreated['payload']> => {
  return envelope(OrderCreated, { orderId: randomUUID(), userId, lines }, 1, { correlationId: randomUUID(), causationId: randomUUID(), userId });
};

const followUp = (created: EventEnvelope<OrderCreated['payload']>) => ({ ...created.metadata, causationId: created.eventId });

export const orderCancelled = (created: EventEnvelope<OrderCreated['payload']>, reason: OrderCancelled['payload']['reason']) =>
  envelope(OrderCancelled, { orderId: created.payload.orderId, reason }, 2, followUp(created));

export const orderConfirmed = (created: EventEnvelope<OrderCreated['payload']>, totalCents: number) =>
  envelope(OrderConfirmed, { orderId: created.payload.orderId, paymentId: randomUUID(), totalCents }, 3, followUp(created));

/** The payment service's PaymentFailed for the order: its own stream (`payment-<id>`), on payments.events. */
export const paymentFailed = (
  created: EventEnvelope<OrderCreated['payload']>,
  amountCents: number,
  reason: PaymentFailed['payload']['reason'] = 'DECLINED',
): EventEnvelope<PaymentFailed['payload']> => {
  const paymentId = randomUUID();
  return {
    eventId: randomUUID(),
    type: PaymentFailed.type,
    schemaVersion: PaymentFailed.version,
    streamId: `payment-${paymentId}`,
    aggregateId: paymentId,
    streamVersion: 2,
    occurredAt: new Date().toISOString(),
    payload: EVENT_REGISTRY.validate<PaymentFailed['payload']>(PaymentFailed.type, PaymentFailed.version, {
      paymentId,
      orderId: created.payload.orderId,
      amountCents,
      reason,
      message: 'Your card was declined.',
    }),
    metadata: followUp(created),
  };
};
