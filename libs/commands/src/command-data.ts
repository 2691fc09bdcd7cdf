import type { CommandResult } from './command-message';

/**
 * The `data` of each command and the `result` of its reply. Services validate `data` at runtime
 * (it crosses Kafka); these types are what both sides code against.
 */

/** COMMANDS.revokeTokens: the user themself or an admin. Every token issued to the user until now is refused from then on. */
export interface RevokeTokensData {
  userId: string;
}
export type RevokeTokensResult = CommandResult;

/** COMMANDS.addProduct, admin only. Stream `product-<sku>`. */
export interface AddProductData {
  sku: string;
  name: string;
  priceCents: number;
  initialStock: number;
}
export type AddProductResult = CommandResult;

/** COMMANDS.restockProduct, admin only; quantity > 0. */
export interface RestockProductData {
  sku: string;
  quantity: number;
}
export type RestockProductResult = CommandResult;

/** COMMANDS.createOrder, any signed-in user (`issuedBy` is the owner). Stream `order-<orderId>`. */
export interface CreateOrderData {
  lines: { sku: string; quantity: number }[];
  /**
   * Sealed to the payment service by the gateway (sealField): the order service keeps it, unopened,
   * until the order is final (never in an event) and the saga forwards it with processPayment.
   */
  paymentToken: string;
  /** The same key from the same user yields the same order. */
  idempotencyKey?: string;
}
export interface CreateOrderResult {
  orderId: string;
  result: CommandResult;
}

/** COMMANDS.cancelOrder, owner or admin, only before CONFIRMED (else CONFLICT). */
export interface CancelOrderData {
  orderId: string;
  reason?: string;
}
export type CancelOrderResult = CommandResult;

/**
 * COMMANDS.processPayment, sent by the order saga (`issuedBy` null). Idempotent per order: a
 * second request never charges twice and answers with the first outcome.
 */
export interface ProcessPaymentData {
  orderId: string;
  amountCents: number;
  /** As the gateway sealed it; only the payment service can open it. */
  paymentToken: string;
}
export interface ProcessPaymentResult {
  paymentId: string;
  /**
   * PENDING: the provider has not answered (yet); the saga's deadline decides. VOIDED: the order
   * was cancelled before it was charged, so it never will be. REFUNDED: charged, then given back.
   */
  status: 'PROCESSED' | 'FAILED' | 'PENDING' | 'VOIDED' | 'REFUNDED';
}

/**
 * COMMANDS.refundPayment, sent one way by the order saga (`issuedBy` null) for every cancelled
 * order. Idempotent per order, whatever the payment's state: a processed payment is refunded
 * (PaymentRefunded), one still being charged is refunded as soon as the charge settles, an order
 * never charged is voided so that a late processPayment cannot charge it.
 */
export interface RefundPaymentData {
  orderId: string;
}
export type RefundPaymentResult = ProcessPaymentResult;

/**
 * COMMANDS.settleConsumersDeadLetters / settleOrderDeadLetters, admin only: redrive (to the group
 * alone, upcast) or discard (with a reason) entries of one of the receiving app's consumer groups.
 */
export interface SettleDeadLettersData {
  group: string;
  /** Entry ids, `<partition>:<offset>` on the group's dead-letter topic. */
  ids: string[];
  action: 'REDRIVE' | 'DISCARD';
  reason?: string;
}
/** How many of the ids were settled now (the rest were settled before, or unknown). */
export interface SettleDeadLettersResult {
  settled: number;
}

/** An admin's rebuildProjection: which read model (or `all`). */
export interface RebuildProjectionData {
  name: string;
}

/** The rebuild job the consumers app started (API.graphql's RebuildJob). */
export interface RebuildJobResult {
  id: string;
  projection: string;
  state: string;
  processed: number;
  total: number | null;
  startedAt: string;
  finishedAt: string | null;
}
