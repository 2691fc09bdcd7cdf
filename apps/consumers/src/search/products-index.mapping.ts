import type { estypes } from '@elastic/elasticsearch';

/**
 * A product as indexed, from ProductAdded. Stock is not here: it changes on every reservation,
 * which would make the index churn for a value the catalogue (product_view) already serves.
 */
export interface ProductDocument {
  sku: string;
  name: string;
  priceCents: number;
}

/** Strict, like users: name is full-text with a keyword subfield to sort and aggregate on. */
export const PRODUCTS_INDEX_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    sku: { type: 'keyword' },
    name: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
    priceCents: { type: 'long' },
  },
};
