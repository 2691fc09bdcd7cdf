import { CommandRejected } from '@app/commands';
import { EventSourcedAggregate } from '@app/event-store';
import { OrderAwaitingPayment, OrderCancelled, OrderConfirmed, OrderCreated, OrderRefunded } from '@app/events';

export type OrderStatus = 'PENDING' | 'AWAITING_PAYMENT' | 'CONFIRMED' | 'CANCELLED';
export type OrderLine = OrderCreated['payload']['lines'][number];
export type PricedLine = OrderAwaitingPayment['payload']['lines'][number];
export type CancellationReason = OrderCancelled['payload']['reason'];

/**
 * PENDING -> AWAITING_PAYMENT -> CONFIRMED | CANCELLED (-> refunded, when it was paid all the same). Methods decide and `apply`; only the
 * `on<Event>` handlers change state, so replaying the stream rebuilds exactly this object.
 * A method that finds its work already done applies nothing: redelivered saga events and
 * retried commands must not append twice.
 */
export class Order extends EventSourcedAggregate {
  readonly aggregate = 'order';
  status: OrderStatus = 'PENDING';
  userId: string;
  lines: OrderLine[] = [];
  totalCents?: number;
  paymentId?: string;
  cancellationReason?: CancellationReason;
  /** Set once a cancelled order's payment was given back (OrderRefunded). */
  refunded = false;

  constructor(private readonly orderId: string) {
    super();
  }

  get id(): string {
    return this.orderId;
  }

  static create(orderId: string, userId: string, lines: OrderLine[]): Order {
    const order = new Order(orderId);
    order.apply(new OrderCreated({ orderId, userId, lines }));
    return order;
  }

  /** Only a PENDING order moves on: a later state has seen the reservation already, or no longer wants it. */
  markAwaitingPayment(lines: PricedLine[], totalCents: number): void {
    if (this.status !== 'PENDING') return;
    this.apply(new OrderAwaitingPayment({ orderId: this.id, lines, totalCents }));
  }

  confirm(paymentId: string, paidCents: number): void {
    if (this.status === 'CONFIRMED') return;
    if (this.status !== 'AWAITING_PAYMENT') throw new CommandRejected('CONFLICT', `order ${this.id} is ${this.status}, not awaiting payment`);
    // Never confirm an order for an amount other than the one inventory priced.
    if (paidCents !== this.totalCents) throw new CommandRejected('CONFLICT', `order ${this.id} totals ${this.totalCents} cents but ${paidCents} were paid`);
    this.apply(new OrderConfirmed({ orderId: this.id, paymentId, totalCents: paidCents }));
  }

  cancel(reason: CancellationReason, detail?: string): void {
    if (this.status === 'CANCELLED') return;
    if (this.status === 'CONFIRMED') throw new CommandRejected('CONFLICT', 'a confirmed order can no longer be cancelled');
    this.apply(new OrderCancelled(detail ? { orderId: this.id, reason, detail } : { orderId: this.id, reason }));
  }

  /** The reason a passed deadline gives: it depends on how far the order got, decided on the fresh state. */
  deadlineReason(): CancellationReason {
    return this.status === 'PENDING' ? 'FULFILMENT_TIMEOUT' : 'PAYMENT_TIMEOUT';
  }

  /** Whether a payment was ever asked for: only an order that reached AWAITING_PAYMENT (it has a total). */
  get paymentRequested(): boolean {
    return this.totalCents !== undefined;
  }

  /** A cancelled order's payment came back; recorded once, so the order's history shows it. */
  recordRefund(paymentId: string, amountCents: number): void {
    if (this.refunded) return;
    if (this.status !== 'CANCELLED') throw new CommandRejected('CONFLICT', `order ${this.id} is ${this.status}: only a cancelled order is refunded`);
    this.apply(new OrderRefunded({ orderId: this.id, paymentId, amountCents }));
  }

  onOrderCreated({ payload }: OrderCreated): void {
    this.userId = payload.userId;
    this.lines = payload.lines;
  }

  onOrderAwaitingPayment({ payload }: OrderAwaitingPayment): void {
    this.status = 'AWAITING_PAYMENT';
    this.totalCents = payload.totalCents;
  }

  onOrderConfirmed({ payload }: OrderConfirmed): void {
    this.status = 'CONFIRMED';
    this.paymentId = payload.paymentId;
  }

  onOrderCancelled({ payload }: OrderCancelled): void {
    this.status = 'CANCELLED';
    this.cancellationReason = payload.reason;
  }

  onOrderRefunded({ payload }: OrderRefunded): void {
    this.refunded = true;
    this.paymentId = payload.paymentId;
  }
}
