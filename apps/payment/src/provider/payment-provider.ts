export interface ChargeRequest {
  /** The order id: the provider must charge at most once per key, however often it is asked. */
  idempotencyKey: string;
  amountCents: number;
  /** The card token: passed through to the provider, never stored, logged or put in an event. */
  token: string;
}

export type ChargeOutcome = { outcome: 'APPROVED'; providerRef: string } | { outcome: 'DECLINED'; message: string };

/** A charge's final outcome as far as we record it: what the provider said, or NONE when it never charged. */
export type SettledOutcome = ChargeOutcome | { outcome: 'NONE' };

/** What the provider knows of an earlier charge with a key; PENDING while it is still working on it. */
export type LookupOutcome = SettledOutcome | { outcome: 'PENDING' };

export interface RefundRequest {
  /** `refund:<orderId>`, a key of its own (a processor may answer a charge's key with the charge): refunding twice refunds once. */
  idempotencyKey: string;
  amountCents: number;
}

export type RefundOutcome = { outcome: 'REFUNDED'; providerRef: string };

/**
 * The port to a card processor; an abstract class so that it is its own injection token.
 * A rejected promise or one that never settles means "outcome unknown", not "declined".
 */
export abstract class PaymentProvider {
  abstract charge(request: ChargeRequest): Promise<ChargeOutcome>;
  /** Gives a charge back in full; idempotent per key. */
  abstract refund(request: RefundRequest): Promise<RefundOutcome>;
  /** Asks what became of a charge whose answer we never got (the reconciler's question). */
  abstract lookup(idempotencyKey: string): Promise<LookupOutcome>;
}
