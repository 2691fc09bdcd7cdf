import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { ComplexityEstimator } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { type SearchKind, SearchKindEnum } from '../models/search-kind.enum';
import { SearchResultModel } from '../models/search-result.model';
import { DEFAULT_SEARCH_SIZE, SearchQuery } from './search.query';

/** For the cost-limit plugin: the hit selection once per requested hit. */
const searchComplexity: ComplexityEstimator = ({ args, childComplexity }) => 1 + (Number(args.first) || DEFAULT_SEARCH_SIZE) * childComplexity;

@Resolver()
export class SearchResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => SearchResultModel, { name: 'search', description: 'customers find products and their own orders; admins find everything', complexity: searchComplexity })
  search(
    @CurrentPrincipal() principal: Principal | null,
    @Args('text', { type: () => String }) text: string,
    @Args('kinds', { type: () => [SearchKindEnum], nullable: true }) kinds: SearchKind[] | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_SEARCH_SIZE }) first: number | null,
  ) {
    return this.queries.execute(new SearchQuery(principal, text, kinds, first));
  }
}
