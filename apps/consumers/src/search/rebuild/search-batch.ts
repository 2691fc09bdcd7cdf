import { EVENT_REGISTRY, OrderAwaitingPayment, OrderCancelled, OrderConfirmed, OrderCreated, ProductAdded, UserRegistered, type EventEnvelope } from '@app/events';
import { type BulkWrite, versionedIndex } from '../bulk-write';
import { orderAwaitingPaymentChanges } from '../order-awaiting-payment.handler';
import { orderCancelledChanges } from '../order-cancelled.handler';
import { orderConfirmedChanges } from '../order-confirmed.handler';
import { orderCreatedChanges } from '../order-created.handler';
import { type OrderChanges, PendingOrderDocuments } from '../order-document.writer';
import { productDocumentOf } from '../product-added.handler';
import type { ProductNames } from '../product-names';
import type { SearchRequests } from '../search-requests';
import { userDocumentOf } from '../user-registered.handler';

/** The new (not yet aliased) index of each alias that a rebuild writes into. */
export interface RebuildIndices {
  users: string;
  products: string;
  orders: string;
}

/** A stream's lane (a string hash): its documents are read, folded and written in its lane only. */
export const laneOf = (streamId: string, lanes: number) => {
  let h = 0;
  for (let i = 0; i < streamId.length; i++) h = (h * 31 + streamId.charCodeAt(i)) | 0;
  return Math.abs(h) % lanes;
};

/** The live handlers' rule per order event (one copy of each, in the handler's file). */
const ORDER_CHANGES: Record<string, (event: EventEnvelope<any>) => OrderChanges> = {
  [OrderCreated.type]: orderCreatedChanges,
  [OrderAwaitingPayment.type]: orderAwaitingPaymentChanges,
  [OrderConfirmed.type]: orderConfirmedChanges,
  [OrderCancelled.type]: orderCancelledChanges,
};

/** Every event type a search document is built from; the rest of a store is read and skipped. */
export const INDEXED_TYPES = new Set([UserRegistered.type, ProductAdded.type, ...Object.keys(ORDER_CHANGES)]);

/**
 * One batch of stored events turned into writes to the new indices, with the live handlers'
 * document functions and the same versioning: users and products under their stream version
 * (external), orders folded field by field by PendingOrderDocuments (the live writer, pointed at
 * the new index). Re-applying an event a batch already wrote answers 409s, which bulkOutcome
 * counts as applied, so the catch-up passes may overlap what the bulk pass did.
 */
export class SearchBatch {
  private readonly writes: BulkWrite[] = [];
  private readonly orders: PendingOrderDocuments;
  private readonly orderIds = new Set<string>();

  constructor(
    private readonly indices: RebuildIndices,
    private readonly requests: SearchRequests,
    private readonly names: ProductNames,
  ) {
    this.orders = new PendingOrderDocuments(requests, names, indices.orders);
  }

  /** Stored events are as written: upcast like the live consumer does with what Kafka brings. */
  add(stored: EventEnvelope): void {
    if (!INDEXED_TYPES.has(stored.type)) return;
    const event = EVENT_REGISTRY.upcastEnvelope<any>(stored);
    if (event.type === UserRegistered.type) {
      this.writes.push(versionedIndex(this.indices.users, event.payload.userId, event.streamVersion, userDocumentOf(event)));
    } else if (event.type === ProductAdded.type) {
      this.writes.push(versionedIndex(this.indices.products, event.payload.sku, event.streamVersion, productDocumentOf(event)));
      // The orders store is read after the inventory store, so its orders find every name here.
      this.names.remember(event.payload.sku, event.payload.name);
    } else {
      const changes = ORDER_CHANGES[event.type](event);
      this.orders.add(event.payload.orderId, { version: event.streamVersion, occurredAt: event.occurredAt, changes });
      this.orderIds.add(event.payload.orderId);
    }
  }

  /** Writes the batch; resolves with the number of documents it wrote (or found already written). */
  async flush(): Promise<number> {
    if (this.writes.length > 0) await this.requests.bulk(this.writes);
    await this.orders.flush();
    return this.writes.length + this.orderIds.size;
  }
}
