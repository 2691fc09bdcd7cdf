/**
 * An order event arrived before its OrderCreated was consumed. Thrown so the consumer runtime
 * retries the event with backoff (and dead-letters it only after its last attempt): the
 * OrderCreated is normally consumed long before (see NotifyPaymentFailedHandler).
 */
export class OrderOwnerUnknownError extends Error {
  readonly code = 'ORDER_OWNER_UNKNOWN';
  constructor(readonly orderId: string) {
    super(`the owner of order ${orderId} is not known yet (its OrderCreated was not consumed); retrying`);
    this.name = 'OrderOwnerUnknownError';
  }
}
