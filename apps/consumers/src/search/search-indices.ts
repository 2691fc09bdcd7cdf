import type { estypes } from '@elastic/elasticsearch';
import { namespaced } from '@app/config';
import { ORDERS_INDEX_MAPPINGS } from './orders-index.mapping';
import { PRODUCTS_INDEX_MAPPINGS } from './products-index.mapping';
import { USERS_INDEX_MAPPINGS } from './users-index.mapping';

/**
 * Elasticsearch names, in one place. Readers and writers use the alias only; the versioned index
 * behind it lets a reindex build `users-v2` and swap the alias atomically, with no downtime.
 * The gateway repeats the alias names (apps may not import each other): keep both in step. All
 * are in this environment's namespace (see NAMESPACE), e.g. `dev.users` -> `dev.users-v1`.
 */
export const USERS_ALIAS = namespaced('users');
export const USERS_INDEX = `${USERS_ALIAS}-v1`;
export const PRODUCTS_ALIAS = namespaced('products');
export const PRODUCTS_INDEX = `${PRODUCTS_ALIAS}-v1`;
export const ORDERS_ALIAS = namespaced('orders');
export const ORDERS_INDEX = `${ORDERS_ALIAS}-v1`;

export interface SearchIndex {
  alias: string;
  index: string;
  mappings: estypes.MappingTypeMapping;
}

/** Every index the search consumer writes; SearchIndexLifecycle creates the missing ones. */
export const SEARCH_INDICES: readonly SearchIndex[] = [
  { alias: USERS_ALIAS, index: USERS_INDEX, mappings: USERS_INDEX_MAPPINGS },
  { alias: PRODUCTS_ALIAS, index: PRODUCTS_INDEX, mappings: PRODUCTS_INDEX_MAPPINGS },
  { alias: ORDERS_ALIAS, index: ORDERS_INDEX, mappings: ORDERS_INDEX_MAPPINGS },
];

/** Replicas 0: a single node could never assign them, and the cluster would stay yellow. */
export const SEARCH_INDEX_SETTINGS: estypes.IndicesIndexSettings = { number_of_replicas: 0 };
