import type { estypes } from '@elastic/elasticsearch';
import type { SearchHitModel } from '../models/search-hit.model';
import { kindOfIndex } from '../search-scope';

/** The fields of the three indices the gateway reads (their mappings live with the consumer). */
export interface IndexedDocument {
  sku?: string;
  name?: string;
  orderId?: string;
  status?: string;
  id?: string;
}

const titleOf = (kind: SearchHitModel['kind'], doc: IndexedDocument): string =>
  kind === 'ORDER' ? `Order ${doc.orderId} (${doc.status})` : (doc.name ?? '');

/** null for a hit from an index we do not know (an alias pointed somewhere unexpected). */
export const toSearchHit = (hit: estypes.SearchHit<IndexedDocument>): SearchHitModel | null => {
  const kind = kindOfIndex(hit._index);
  if (!kind || !hit._source || !hit._id) return null;
  return {
    kind,
    id: hit._id,
    score: hit._score ?? 0,
    title: titleOf(kind, hit._source),
    highlight: Object.values(hit.highlight ?? {}).flat(),
  };
};
