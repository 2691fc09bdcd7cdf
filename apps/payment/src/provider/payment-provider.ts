export interface ChargeRequest {
  /** The order id: the provider must charge at most once per key, however often it is asked. */
  idempotencyKey: string;
  amountCents: number;
  /** The card token: passed through to the provider, never stored, logged or put in an event. */
  token: string;
}

export type ChargeOutcome = { outcome: 'APPROVED'; providerRef: string } | { outcome: 'DECLINED'; message: string };

/**
 * The port to a card processor; an abstract class so that it is its own injection token.
 * A rejected promise or one that never settles means "outcome unknown", not "declined".
 */
export abstract class PaymentProvider {
  abstract charge(request: ChargeRequest): Promise<ChargeOutcome>;
}
