import type { StoredEvent } from './stored-events';

export interface Line {
  sku: string;
  quantity: number;
  unitPriceCents: number | null;
}

export interface OrderFold {
  orderId: string;
  userId: string;
  status: 'PENDING' | 'AWAITING_PAYMENT' | 'CONFIRMED' | 'CANCELLED';
  lines: Line[];
  totalCents: number | null;
  cancellationReason: string | null;
  refunded: boolean;
  createdAt: Date;
  /** Lifecycle events seen more than once (a second OrderCreated, two cancellations...). */
  repeated: string[];
  inScope: boolean;
}

export interface PaymentFold {
  paymentId: string;
  orderId: string;
  amountCents: number;
  status: 'PROCESSED' | 'FAILED' | 'REFUNDED';
  processed: boolean;
  refunded: boolean;
}

export interface ReservationFold {
  orderId: string;
  status: 'RESERVED' | 'FAILED' | 'COMMITTED' | 'RELEASED';
  lines: { sku: string; quantity: number }[];
}

export interface ProductFold {
  sku: string;
  name: string;
  priceCents: number;
  /** Initial stock plus every adjustment: what confirmed + available + reserved must add up to. */
  stock: number;
  added: boolean;
}

type P<T> = T & Record<string, unknown>;
const idOf = (streamId: string): string => streamId.slice(streamId.indexOf('-') + 1);
const ONCE = new Set(['OrderCreated', 'OrderAwaitingPayment', 'OrderConfirmed', 'OrderCancelled', 'OrderRefunded']);

/** The order as its own stream tells it: what order_view, search and the warehouse must show. */
export const foldOrder = (events: readonly StoredEvent[]): OrderFold => {
  const seen = new Set<string>();
  const order: OrderFold = { orderId: idOf(events[0].streamId), userId: '', status: 'PENDING', lines: [], totalCents: null, cancellationReason: null,
    refunded: false, createdAt: events[0].recordedAt, repeated: [], inScope: events.some((e) => e.inScope) };
  for (const e of events) {
    if (ONCE.has(e.type) && seen.has(e.type)) order.repeated.push(`${e.type} v${e.version}`);
    seen.add(e.type);
    if (e.type === 'OrderCreated') {
      const p = e.payload as P<{ userId: string; lines: { sku: string; quantity: number }[] }>;
      order.userId = p.userId;
      order.lines = p.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPriceCents: null }));
    } else if (e.type === 'OrderAwaitingPayment') {
      const p = e.payload as P<{ lines: Line[]; totalCents: number }>;
      Object.assign(order, { status: 'AWAITING_PAYMENT', totalCents: p.totalCents, lines: p.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPriceCents: l.unitPriceCents })) });
    } else if (e.type === 'OrderConfirmed') {
      Object.assign(order, { status: 'CONFIRMED', totalCents: (e.payload as P<{ totalCents: number }>).totalCents });
    } else if (e.type === 'OrderCancelled') {
      Object.assign(order, { status: 'CANCELLED', cancellationReason: (e.payload as P<{ reason: string }>).reason });
    } else if (e.type === 'OrderRefunded') {
      order.refunded = true;
    }
  }
  return order;
};

export const foldPayment = (events: readonly StoredEvent[]): PaymentFold => {
  const first = events[0].payload as P<{ orderId: string; amountCents: number }>;
  const payment: PaymentFold = { paymentId: idOf(events[0].streamId), orderId: first.orderId, amountCents: first.amountCents, status: 'FAILED', processed: false, refunded: false };
  for (const e of events) {
    if (e.type === 'PaymentProcessed') Object.assign(payment, { status: 'PROCESSED', processed: true });
    else if (e.type === 'PaymentFailed') payment.status = 'FAILED';
    else if (e.type === 'PaymentRefunded') Object.assign(payment, { status: 'REFUNDED', refunded: true });
  }
  return payment;
};

const RESERVATION: Record<string, ReservationFold['status']> = {
  InventoryReserved: 'RESERVED', InventoryReservationFailed: 'FAILED', InventoryCommitted: 'COMMITTED', InventoryReleased: 'RELEASED',
};

export const foldReservation = (events: readonly StoredEvent[]): ReservationFold => {
  const reservation: ReservationFold = { orderId: idOf(events[0].streamId), status: 'FAILED', lines: [] };
  for (const e of events) {
    if (RESERVATION[e.type]) reservation.status = RESERVATION[e.type];
    if (e.type === 'InventoryReserved') reservation.lines = (e.payload as P<{ lines: { sku: string; quantity: number }[] }>).lines.map(({ sku, quantity }) => ({ sku, quantity }));
  }
  return reservation;
};

export const foldProduct = (events: readonly StoredEvent[]): ProductFold => {
  const product: ProductFold = { sku: idOf(events[0].streamId), name: '', priceCents: 0, stock: 0, added: false };
  for (const e of events) {
    if (e.type === 'ProductAdded') {
      const p = e.payload as P<{ name: string; priceCents: number; initialStock: number }>;
      Object.assign(product, { name: p.name, priceCents: p.priceCents, stock: product.stock + p.initialStock, added: e.inScope });
    } else if (e.type === 'StockAdjusted') {
      product.stock += (e.payload as P<{ delta: number }>).delta;
    }
  }
  return product;
};
