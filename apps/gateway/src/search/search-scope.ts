import type { estypes } from '@elastic/elasticsearch';
import { namespaced } from '@app/config';
import type { Principal } from '../auth/principal';
import type { SearchKind } from './models/search-kind.enum';

/**
 * The aliases the consumers app's search consumer writes (apps/consumers/src/search/
 * search-indices.ts; apps may not import each other, so they are repeated here). Behind each is
 * `<alias>-v<n>`, which is how a hit's concrete `_index` maps back to its kind. In this
 * environment's namespace, as there.
 */
export const ALIAS_OF: Record<SearchKind, string> = { PRODUCT: namespaced('products'), ORDER: namespaced('orders'), USER: namespaced('users') };

export const kindOfIndex = (index: string): SearchKind | undefined =>
  (Object.keys(ALIAS_OF) as SearchKind[]).find((kind) => index === ALIAS_OF[kind] || index.startsWith(`${ALIAS_OF[kind]}-`));

export interface SearchScope {
  /** Aliases to search; empty when the caller may see nothing of the kinds asked for. */
  aliases: string[];
  /** Restricts documents within those aliases (a customer's own orders). */
  filter: estypes.QueryDslQueryContainer[];
}

/**
 * Who may find what. Anonymous callers find products only: the catalogue is public (`products`
 * needs no sign-in), orders and users are not. Customers find products and their own orders,
 * never users (emails are personal data). Admins find everything. Asking for a kind one may not
 * see narrows the result rather than failing, as a search should.
 */
export const searchScope = (principal: Principal | null, kinds: readonly SearchKind[] | null | undefined): SearchScope => {
  const allowed: SearchKind[] = !principal ? ['PRODUCT'] : principal.role === 'ADMIN' ? ['PRODUCT', 'ORDER', 'USER'] : ['PRODUCT', 'ORDER'];
  const wanted = kinds?.length ? allowed.filter((k) => kinds.includes(k)) : allowed;
  const aliases = wanted.map((k) => ALIAS_OF[k]);
  if (!principal || principal.role === 'ADMIN' || !wanted.includes('ORDER')) return { aliases, filter: [] };
  // `_index` queries accept alias names. Anything not an order passes; an order only if it is theirs.
  const notAnOrder: estypes.QueryDslQueryContainer = { bool: { must_not: { term: { _index: ALIAS_OF.ORDER } } } };
  const ownOrder: estypes.QueryDslQueryContainer = { term: { userId: principal.userId } };
  return { aliases, filter: [{ bool: { should: [notAnOrder, ownOrder], minimum_should_match: 1 } }] };
};
