import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { pageComplexity } from '../../graphql/page-complexity';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { type SearchKind, SearchKindEnum } from '../models/search-kind.enum';
import { SearchResultModel } from '../models/search-result.model';
import { DEFAULT_SEARCH_SIZE, SearchQuery } from './search.query';


@Resolver()
export class SearchResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => SearchResultModel, { name: 'search', description: 'customers find products and their own orders; admins find everything', complexity: pageComplexity(DEFAULT_SEARCH_SIZE) })
  search(
    @CurrentPrincipal() principal: Principal | null,
    @Args('text', { type: () => String }) text: string,
    @Args('kinds', { type: () => [SearchKindEnum], nullable: true }) kinds: SearchKind[] | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_SEARCH_SIZE }) first: number | null,
  ) {
    return this.queries.execute(new SearchQuery(principal, text, kinds, first));
  }
}
