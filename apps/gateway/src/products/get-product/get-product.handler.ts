import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ProductView } from '@app/read-model';
import { ProductViewReader } from '../product-view.reader';
import { GetProductQuery } from './get-product.query';

@QueryHandler(GetProductQuery)
export class GetProductHandler implements IQueryHandler<GetProductQuery> {
  constructor(private readonly products: ProductViewReader) {}

  execute({ sku }: GetProductQuery): Promise<ProductView | null> {
    return this.products.findBySku(sku);
  }
}
