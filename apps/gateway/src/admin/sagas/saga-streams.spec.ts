import { randomUUID } from 'node:crypto';
import { SAGA_EVENT_TYPES, sagaStreams } from './saga-streams';

const orderId = randomUUID();
const paymentId = randomUUID();

describe("a saga's history", () => {
  it('is read from the order, reservation and payment streams of the order', () => {
    expect(sagaStreams(orderId, paymentId).sort()).toEqual([`order-${orderId}`, `payment-${paymentId}`, `reservation-${orderId}`]);
  });

  it('has no payment stream before a payment is recorded', () => {
    expect(sagaStreams(orderId, undefined).sort()).toEqual([`order-${orderId}`, `reservation-${orderId}`]);
  });

  it('holds the event that opened the saga and those it reacts to, nothing else of those streams', () => {
    expect([...SAGA_EVENT_TYPES].sort()).toEqual(
      ['InventoryReservationFailed', 'InventoryReserved', 'OrderCancelled', 'OrderConfirmed', 'OrderCreated', 'PaymentFailed', 'PaymentProcessed', 'PaymentRefunded'],
    );
  });
});
