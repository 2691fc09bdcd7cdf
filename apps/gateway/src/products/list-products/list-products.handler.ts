import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ProductView } from '@app/read-model';
import { ProductViewReader } from '../product-view.reader';
import { ListProductsQuery } from './list-products.query';

@QueryHandler(ListProductsQuery)
export class ListProductsHandler implements IQueryHandler<ListProductsQuery> {
  constructor(private readonly products: ProductViewReader) {}

  execute(): Promise<ProductView[]> {
    return this.products.all();
  }
}
