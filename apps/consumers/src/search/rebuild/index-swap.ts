import type { Client } from '@elastic/elasticsearch';
import { SEARCH_INDEX_SETTINGS, type SearchIndex } from '../search-indices';

/** One alias being rebuilt: the index behind it now (none on a fresh cluster) and its successor. */
export interface IndexPlan {
  alias: string;
  old: string | null;
  next: string;
  mappings: SearchIndex['mappings'];
}

/** `orders-v1` -> `orders-v2`; an index not named `<alias>-v<N>` counts as v1. */
const successor = (alias: string, current: string | null): string => {
  const n = current?.startsWith(`${alias}-v`) ? Number(current.slice(alias.length + 2)) : 1;
  return `${alias}-v${(Number.isSafeInteger(n) ? n : 1) + 1}`;
};

/**
 * Plans and creates the new index of each alias, with the lifecycle's settings and mappings.
 * The caller holds the rebuild lock, so an index already bearing the new name and not behind the
 * alias is a leftover of a rebuild that died: it is dropped and made again.
 */
export const createSuccessors = (es: Client, indices: readonly SearchIndex[]): Promise<IndexPlan[]> =>
  // In parallel: each create waits for its shard to start, about a second apiece.
  Promise.all(
    indices.map(async ({ alias, mappings }) => {
      const behind = (await es.indices.existsAlias({ name: alias })) ? Object.keys(await es.indices.getAlias({ name: alias })) : [];
      if (behind.length > 1) throw new Error(`alias ${alias} points at ${behind.length} indices (${behind.join(', ')}); expected one`);
      const old = behind[0] ?? null;
      const next = successor(alias, old);
      await es.indices.delete({ index: next, ignore_unavailable: true });
      // No refresh while copying: nobody reads this index before the swap, and refreshes cost the bulk pass.
      await es.indices.create({ index: next, settings: { ...SEARCH_INDEX_SETTINGS, refresh_interval: '-1' }, mappings });
      return { alias, old, next, mappings };
    }),
  );

/** Back to the default refresh interval (null), like the lifecycle's indices: before the last catch-up, so the swap's refresh is small. */
export const makeSearchable = (es: Client, plans: readonly IndexPlan[]) =>
  // The client's types lack null, which is how Elasticsearch resets a setting.
  es.indices.putSettings({ index: plans.map((p) => p.next), settings: { refresh_interval: null as unknown as undefined } });

/**
 * Refreshes the new indices, so the first search after the swap sees every copied document, then
 * moves every alias in ONE `updateAliases` request: Elasticsearch applies its actions atomically,
 * so a reader sees either all the old indices or all the new ones, never none.
 */
export const swapAliases = async (es: Client, plans: readonly IndexPlan[]): Promise<void> => {
  await es.indices.refresh({ index: plans.map((p) => p.next) });
  // What each alias points at now, not at the start: on a fresh cluster the consumers app may have
  // created its first index meanwhile, and an alias left on two indices refuses every write.
  const behind = await Promise.all(plans.map(async (p) => ((await es.indices.existsAlias({ name: p.alias })) ? Object.keys(await es.indices.getAlias({ name: p.alias })) : [])));
  await es.indices.updateAliases({
    actions: plans.flatMap((p, i) => [...behind[i].filter((index) => index !== p.next).map((index) => ({ remove: { index, alias: p.alias } })), { add: { index: p.next, alias: p.alias } }]),
  });
};

/** After a failure before the swap: the new indices were never served, so they go. */
export const dropSuccessors = (es: Client, plans: readonly IndexPlan[]) =>
  es.indices.delete({ index: plans.map((p) => p.next), ignore_unavailable: true });

/** After the swap and the last catch-up: nothing reads or (after its retry) writes the old indices. */
export const dropOld = (es: Client, plans: readonly IndexPlan[]) => {
  const old = plans.flatMap((p) => p.old ?? []);
  return old.length > 0 ? es.indices.delete({ index: old, ignore_unavailable: true }) : undefined;
};
