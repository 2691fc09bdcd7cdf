import { Injectable } from '@nestjs/common';
import { ElasticsearchService } from '@nestjs/elasticsearch';
import type { ProductDocument } from './products-index.mapping';
import { PRODUCTS_ALIAS } from './search-indices';

/** Enough for any catalogue this system serves; beyond it the oldest names are looked up again. */
const MAX_NAMES = 50_000;

/**
 * The product names order documents carry, kept in memory: a SKU's name is set once, by its
 * ProductAdded, and never changes (no event renames a product), so a name once known can be
 * served without asking Elasticsearch again. That took one `mget` per run of order events.
 * An unknown SKU (its ProductAdded not indexed yet) is looked up every time, never remembered as
 * missing: the order's next event, or ProductAdded's backfill, fills it in.
 */
@Injectable()
export class ProductNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly es: ElasticsearchService) {}

  remember(sku: string, name: string): void {
    if (this.names.has(sku)) return;
    // Map keeps insertion order: the first key is the oldest.
    if (this.names.size >= MAX_NAMES) this.names.delete(this.names.keys().next().value!);
    this.names.set(sku, name);
  }

  async of(skus: string[]): Promise<Map<string, string>> {
    const unknown = [...new Set(skus)].filter((sku) => !this.names.has(sku));
    if (unknown.length > 0) {
      const { docs } = await this.es.mget<ProductDocument>({ index: PRODUCTS_ALIAS, ids: unknown, _source_includes: ['name'] });
      for (const doc of docs) if ('found' in doc && doc.found && doc._source) this.remember(doc._id, doc._source.name);
    }
    return this.names;
  }
}
