import { Injectable } from '@nestjs/common';
import { ElasticsearchService } from '@nestjs/elasticsearch';
import type { EntityManager } from 'typeorm';
import { ProductAdded, type EventEnvelope } from '@app/events';
import type { RunScope } from '@app/messaging';
import type { EventHandler } from '../shared/event-handler';
import { versionedIndex } from './bulk-write';
import type { OrderDocument } from './orders-index.mapping';
import { ProductNames } from './product-names';
import { SearchRequests, writeInRun } from './search-requests';
import type { ProductDocument } from './products-index.mapping';
import { ORDERS_ALIAS, PRODUCTS_ALIAS } from './search-indices';

type Payload = ProductAdded['payload'];

/** The product's document from its ProductAdded; the rebuild (rebuild/) indexes the same. */
export const productDocumentOf = ({ payload: { sku, name, priceCents } }: EventEnvelope<Payload>): ProductDocument => ({ sku, name, priceCents });

/** Orders indexed before their product can only be a few racing ones; more is not worth a page loop. */
const BACKFILL_LIMIT = 100;

/**
 * Indexes the product under its stream version (external), and in the same `_bulk` request
 * adds its name to orders already indexed without it: ProductAdded (inventory topic) and an
 * order's events (orders topic) may be consumed in either order. Those orders are rewritten
 * under their current version with `external_gte`, so an order event that lands in between
 * (a higher version, which looks names up itself) wins with a harmless 409.
 */
@Injectable()
export class ProductAddedHandler implements EventHandler<Payload> {
  readonly eventType = ProductAdded.type;

  constructor(
    private readonly es: ElasticsearchService,
    private readonly requests: SearchRequests,
    private readonly names: ProductNames,
  ) {}

  async handle(event: EventEnvelope<Payload>, _em: EntityManager, run: RunScope): Promise<void> {
    const { sku, name } = event.payload;
    const writes = [versionedIndex(PRODUCTS_ALIAS, sku, event.streamVersion, productDocumentOf(event))];
    for (const order of await this.ordersMissing(sku, name)) {
      const document: OrderDocument = { ...order.doc, productNames: [...order.doc.productNames, name] };
      writes.push(versionedIndex(ORDERS_ALIAS, order.doc.orderId, order.version, document, 'external_gte'));
    }
    writeInRun(run, this, this.requests, ...writes);
    this.names.remember(sku, name);
  }

  private async ordersMissing(sku: string, name: string): Promise<{ doc: OrderDocument; version: number }[]> {
    const res = await this.es.search<OrderDocument>({
      index: ORDERS_ALIAS,
      query: { term: { skus: sku } },
      size: BACKFILL_LIMIT,
      version: true,
      ignore_unavailable: true,
    });
    return res.hits.hits
      .filter((hit) => hit._source && hit._version !== undefined && !hit._source.productNames.includes(name))
      .map((hit) => ({ doc: hit._source!, version: hit._version! }));
  }
}
