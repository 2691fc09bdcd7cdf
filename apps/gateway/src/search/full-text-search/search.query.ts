import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal';
import type { SearchKind } from '../models/search-kind.enum';
import type { SearchResultModel } from '../models/search-result.model';

export const DEFAULT_SEARCH_SIZE = 10;
export const MAX_SEARCH_SIZE = 50;

export class SearchQuery extends Query<SearchResultModel> {
  constructor(
    readonly principal: Principal | null,
    readonly text: string,
    readonly kinds: SearchKind[] | null,
    readonly first: number | null,
  ) {
    super();
  }
}
