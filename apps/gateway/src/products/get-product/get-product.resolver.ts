import { QueryBus } from '@nestjs/cqrs';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { ProductModel } from '../models/product.model';
import { GetProductQuery } from './get-product.query';

@Resolver()
export class GetProductResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => ProductModel, { name: 'product', nullable: true })
  product(@Args('sku', { type: () => ID }) sku: string) {
    return this.queries.execute(new GetProductQuery(sku));
  }
}
