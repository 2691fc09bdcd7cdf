import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ProductView } from '@app/read-model';
import { ApiError } from '../../errors/api-error';
import { ProductViewReader } from '../product-view.reader';
import { ListProductsQuery, PRODUCTS_PAGE_SIZE } from './list-products.query';

@QueryHandler(ListProductsQuery)
export class ListProductsHandler implements IQueryHandler<ListProductsQuery> {
  constructor(private readonly products: ProductViewReader) {}

  execute({ first, after }: ListProductsQuery): Promise<ProductView[]> {
    // An explicit null means the default, as an omitted argument does.
    const size = first ?? PRODUCTS_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 1 || size > PRODUCTS_PAGE_SIZE) throw new ApiError('BAD_USER_INPUT', `first must be between 1 and ${PRODUCTS_PAGE_SIZE}`, 'first');
    return this.products.page(size, after ?? undefined);
  }
}
