import { Field, Int, ObjectType } from '@nestjs/graphql';
import { SearchHitModel } from './search-hit.model';

@ObjectType('SearchResult')
export class SearchResultModel {
  /** Every match the caller may see, not only the hits returned. */
  @Field(() => Int)
  total: number;

  @Field(() => [SearchHitModel])
  hits: SearchHitModel[];
}
