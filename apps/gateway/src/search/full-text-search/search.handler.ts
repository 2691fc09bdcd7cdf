import { Logger } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ElasticsearchService } from '@nestjs/elasticsearch';
import { ApiError } from '../../errors/api-error';
import type { SearchResultModel } from '../models/search-result.model';
import { searchScope } from '../search-scope';
import { type IndexedDocument, toSearchHit } from './search-hit.mapper';
import { DEFAULT_SEARCH_SIZE, MAX_SEARCH_SIZE, SearchQuery } from './search.query';

/** Searched in all three indices at once; a field an index lacks simply matches nothing there. */
const FIELDS = ['name^3', 'productNames^2', 'email.text', 'sku', 'skus', 'orderId', 'email'];
const HIGHLIGHTED = ['name', 'productNames', 'email.text'];
const MAX_TEXT = 200;

/** One multi_match over the aliases the caller may see, ranked by relevance across kinds. */
@QueryHandler(SearchQuery)
export class SearchHandler implements IQueryHandler<SearchQuery> {
  private readonly log = new Logger('Search');

  constructor(private readonly es: ElasticsearchService) {}

  async execute({ principal, text, kinds, first }: SearchQuery): Promise<SearchResultModel> {
    const size = first ?? DEFAULT_SEARCH_SIZE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_SEARCH_SIZE) throw new ApiError('BAD_USER_INPUT', `first must be between 1 and ${MAX_SEARCH_SIZE}`, 'first');
    const words = text.trim();
    if (!words || words.length > MAX_TEXT) throw new ApiError('BAD_USER_INPUT', `text must be 1 to ${MAX_TEXT} characters`, 'text');
    const { aliases, filter } = searchScope(principal, kinds);
    if (aliases.length === 0) return { total: 0, hits: [] };

    try {
      const res = await this.es.search<IndexedDocument>({
        index: aliases,
        // An index not created yet (the consumers app has not started) is no match, not an error.
        ignore_unavailable: true,
        allow_no_indices: true,
        size,
        track_total_hits: true,
        query: { bool: { must: { multi_match: { query: words, fields: FIELDS, type: 'best_fields' } }, filter } },
        highlight: { fields: Object.fromEntries(HIGHLIGHTED.map((f) => [f, {}])) },
      });
      const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
      return { total, hits: res.hits.hits.map(toSearchHit).filter((h) => h !== null) };
    } catch (error) {
      this.log.warn(`search failed: ${(error as Error).message}`);
      throw new ApiError('UNAVAILABLE', 'Search is unavailable; try again shortly');
    }
  }
}
