import { Injectable } from '@nestjs/common';
import { ElasticsearchService } from '@nestjs/elasticsearch';
import type { EventEnvelope } from '@app/events';
import { bulkWrite, versionedIndex } from './bulk-write';
import type { OrderDocument } from './orders-index.mapping';
import type { ProductDocument } from './products-index.mapping';
import { ORDERS_ALIAS, PRODUCTS_ALIAS } from './search-indices';

type Changes = Partial<Omit<OrderDocument, 'orderId' | 'productNames' | 'updatedAt'>>;

/** What we know of an order whose earlier events we never saw (e.g. indexed after topic retention). */
const unknownOrder = (orderId: string): OrderDocument => ({
  orderId,
  userId: null,
  status: 'PENDING',
  skus: [],
  productNames: [],
  totalCents: null,
  cancellationReason: null,
  createdAt: null,
  updatedAt: new Date(0).toISOString(),
});

/**
 * Folds one order event into the order's document. Elasticsearch's `update` (a partial `doc`)
 * cannot take an external version, so this reads the document, changes it and indexes all of it
 * under the event's stream version: an older or repeated event gets a 409 and changes nothing.
 * Events of one order share a Kafka key, so they arrive here in order and one at a time; the
 * version guards the rest (a redelivery, a second consumer group on the same index).
 */
@Injectable()
export class OrderDocumentWriter {
  constructor(private readonly es: ElasticsearchService) {}

  async apply(event: EventEnvelope<{ orderId: string }>, changes: Changes): Promise<void> {
    const { orderId } = event.payload;
    // `get` is real-time (no refresh needed), unlike a search.
    const current = await this.es.get<OrderDocument>({ index: ORDERS_ALIAS, id: orderId }, { ignore: [404] });
    if (current.found && (current._version ?? 0) >= event.streamVersion) return;
    const base = current.found && current._source ? current._source : unknownOrder(orderId);
    const next: OrderDocument = { ...base, ...changes, updatedAt: event.occurredAt, productNames: [] };
    // Looked up at every write, not only at OrderCreated: a product indexed after the order was
    // (its ProductAdded waiting on another partition) is filled in by the order's next event.
    next.productNames = await this.productNames(next.skus);
    await bulkWrite(this.es, versionedIndex(ORDERS_ALIAS, orderId, event.streamVersion, next));
  }

  private async productNames(skus: string[]): Promise<string[]> {
    if (skus.length === 0) return [];
    const { docs } = await this.es.mget<ProductDocument>({ index: PRODUCTS_ALIAS, ids: skus, _source_includes: ['name'] });
    return docs.flatMap((doc) => ('found' in doc && doc.found && doc._source ? [doc._source.name] : []));
  }
}
