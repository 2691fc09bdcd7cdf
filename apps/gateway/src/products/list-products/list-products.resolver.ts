import { QueryBus } from '@nestjs/cqrs';
import { Query, Resolver } from '@nestjs/graphql';
import { ProductModel } from '../models/product.model';
import { ListProductsQuery } from './list-products.query';

@Resolver()
export class ListProductsResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [ProductModel], { name: 'products' })
  products() {
    return this.queries.execute(new ListProductsQuery());
  }
}
