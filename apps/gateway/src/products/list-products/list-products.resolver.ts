import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { pageComplexity } from '../../graphql/page-complexity';
import { ProductModel } from '../models/product.model';
import { ListProductsQuery, PRODUCTS_PAGE_SIZE } from './list-products.query';

@Resolver()
export class ListProductsResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [ProductModel], {
    name: 'products',
    description: 'at most `first` (default and maximum 100) products in sku order, after the cursor `after`',
    complexity: pageComplexity(PRODUCTS_PAGE_SIZE),
  })
  products(
    @Args('first', { type: () => Int, nullable: true, defaultValue: PRODUCTS_PAGE_SIZE }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'the last sku of the previous page' }) after: string | null,
  ) {
    return this.queries.execute(new ListProductsQuery(first, after));
  }
}
