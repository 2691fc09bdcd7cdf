import { Injectable } from '@nestjs/common';
import { ElasticsearchService } from '@nestjs/elasticsearch';
import type { EventEnvelope } from '@app/events';
import type { RunBuffer, RunScope } from '@app/messaging';
import { bulkWrite, SearchWriteError, versionedIndex } from './bulk-write';
import type { OrderDocument } from './orders-index.mapping';
import type { ProductDocument } from './products-index.mapping';
import { ORDERS_ALIAS, PRODUCTS_ALIAS } from './search-indices';

type Changes = Partial<Omit<OrderDocument, 'orderId' | 'productNames' | 'updatedAt'>>;
type Change = { version: number; occurredAt: string; changes: Changes };

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
 * The order events of one run, folded into their orders' documents and written together: one
 * `mget` of the documents, one `mget` of the product names, one `_bulk` per run, instead of
 * the three requests per event it took one event at a time. Elasticsearch's `update` (a partial
 * `doc`) cannot take an external version, so each document is read, changed and indexed whole
 * under the stream version of the last event applied to it: an older or repeated event changes
 * nothing (it is skipped here, or gets a harmless 409 from a concurrent writer).
 */
class PendingOrderDocuments implements RunBuffer {
  private readonly byOrder = new Map<string, Change[]>();

  constructor(private readonly es: ElasticsearchService) {}

  add(orderId: string, change: Change): void {
    this.byOrder.set(orderId, [...(this.byOrder.get(orderId) ?? []), change]);
  }

  async flush(): Promise<void> {
    const ids = [...this.byOrder.keys()];
    if (ids.length === 0) return;
    // `mget` is real-time (no refresh needed), unlike a search.
    const { docs } = await this.es.mget<OrderDocument>({ index: ORDERS_ALIAS, ids });
    const folded: { doc: OrderDocument; version: number }[] = [];
    for (const [i, orderId] of ids.entries()) {
      const current = docs[i];
      // A document we could not read is not one we may rebuild from scratch: fail, and retry.
      if ('error' in current && current.error) throw new SearchWriteError([{ id: orderId, status: 503, type: current.error.type, reason: current.error.reason }]);
      const found = 'found' in current && current.found && current._source ? current : undefined;
      let version = found?._version ?? 0;
      let doc = found?._source ?? unknownOrder(orderId);
      for (const { version: v, occurredAt, changes } of this.byOrder.get(orderId)!) {
        if (v <= version) continue;
        doc = { ...doc, ...changes, updatedAt: occurredAt };
        version = v;
      }
      if (version > (found?._version ?? 0)) folded.push({ doc, version });
    }
    // Looked up at every write, not only at OrderCreated: a product indexed after the order was
    // (its ProductAdded waiting on another partition) is filled in by the order's next event.
    const names = await this.productNames(folded.flatMap(({ doc }) => doc.skus));
    const operations = folded.flatMap(({ doc, version }) =>
      versionedIndex(ORDERS_ALIAS, doc.orderId, version, { ...doc, productNames: doc.skus.flatMap((sku) => names.get(sku) ?? []) }),
    );
    await bulkWrite(this.es, operations);
  }

  private async productNames(skus: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(skus)];
    if (unique.length === 0) return new Map();
    const { docs } = await this.es.mget<ProductDocument>({ index: PRODUCTS_ALIAS, ids: unique, _source_includes: ['name'] });
    return new Map(docs.flatMap((doc) => ('found' in doc && doc.found && doc._source ? [[doc._id, doc._source.name] as const] : [])));
  }
}

/** The order handlers' way into the run's PendingOrderDocuments. */
@Injectable()
export class OrderDocumentWriter {
  constructor(private readonly es: ElasticsearchService) {}

  apply(event: EventEnvelope<{ orderId: string }>, changes: Changes, run: RunScope): Promise<void> {
    const pending = run.buffer(this, () => new PendingOrderDocuments(this.es));
    pending.add(event.payload.orderId, { version: event.streamVersion, occurredAt: event.occurredAt, changes });
    return Promise.resolve();
  }
}
