import { isDeepStrictEqual } from 'node:util';
import type { Client } from '@elastic/elasticsearch';
import * as BENCH_INDICES from '../../apps/consumers/src/search/search-indices';
import { CATALOG } from './search-bench-load';

const { ORDERS_ALIAS, ORDERS_INDEX, PRODUCTS_ALIAS, SEARCH_INDICES, SEARCH_INDEX_SETTINGS } = BENCH_INDICES;

const create = (es: Client, index: string) => {
  const { alias, mappings } = SEARCH_INDICES.find((i) => i.index === index)!;
  return es.indices.create({ index, settings: SEARCH_INDEX_SETTINGS, mappings, aliases: { [alias]: {} } });
};

/**
 * The consumer's indices behind their aliases, as SearchIndexLifecycle creates them (so it finds
 * them there), and the catalogue as ProductAddedHandler indexes it: the names orders look up.
 */
/** Fresh: an earlier benchmark of the same `npm run bench` (B9's system) leaves the namespace's indices behind. */
export const createIndices = async (es: Client): Promise<void> => {
  await deleteIndices(es);
  for (const { index } of SEARCH_INDICES) await create(es, index);
  const stats = await es.helpers.bulk({
    datasource: CATALOG,
    onDocument: (p) => ({ index: { _index: PRODUCTS_ALIAS, _id: p.sku, version: 1, version_type: 'external' } }),
  });
  if (stats.failed) throw new Error(`${stats.failed} products not indexed`);
};

export const deleteIndices = (es: Client) => es.indices.delete({ index: SEARCH_INDICES.map((i) => i.index), ignore_unavailable: true });

/** Each run starts on an empty orders index with the consumer's mapping and settings. */
export const freshOrdersIndex = async (es: Client): Promise<void> => {
  await es.indices.delete({ index: ORDERS_INDEX, ignore_unavailable: true });
  await create(es, ORDERS_INDEX);
};

/**
 * Every run must leave the same index: `docs` documents, and the documents sampled after the
 * first run (source and version) unchanged. Checked after the clock stops, hence the refresh.
 */
export const indexChecker = (es: Client, docs: number) => {
  let sample: Map<string, unknown> | undefined;
  return async (side: string): Promise<void> => {
    await es.indices.refresh({ index: ORDERS_ALIAS });
    const { count } = await es.count({ index: ORDERS_ALIAS });
    if (count !== docs) throw new Error(`${side}: ${count} documents indexed, expected ${docs}`);
    const ids = sample ? [...sample.keys()] : (await es.search({ index: ORDERS_ALIAS, size: 20 })).hits.hits.map((h) => h._id!);
    const found = (await es.mget({ index: ORDERS_ALIAS, ids })).docs;
    const got = new Map(found.map((d) => [d._id, 'found' in d ? { version: d._version, source: d._source } : d]));
    if (sample && !isDeepStrictEqual(got, sample)) throw new Error(`${side}: the sampled documents differ from the first run's`);
    sample ??= got;
  };
};
