import { Query } from '@nestjs/cqrs';
import type { ProductView } from '@app/read-model';

/** One product by sku, or null; open to anyone, like the catalogue. */
export class GetProductQuery extends Query<ProductView | null> {
  constructor(readonly sku: string) {
    super();
  }
}
