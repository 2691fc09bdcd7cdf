import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { type SearchKind, SearchKindEnum } from './search-kind.enum';

@ObjectType('SearchHit')
export class SearchHitModel {
  @Field(() => SearchKindEnum)
  kind: SearchKind;

  /** sku, order id or user id: what `product`, `order` and `user` take. */
  @Field(() => ID)
  id: string;

  @Field(() => Float)
  score: number;

  @Field(() => String)
  title: string;

  /** Matching fragments, the matched words wrapped in <em>. */
  @Field(() => [String])
  highlight: string[];
}
