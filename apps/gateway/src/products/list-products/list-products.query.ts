import { Query } from '@nestjs/cqrs';
import type { ProductView } from '@app/read-model';

export const PRODUCTS_PAGE_SIZE = 100;

/**
 * One page of the catalogue, in sku order: open to anyone, signed in or not (a shop shows its
 * products before sign-up). The list is bounded so one query cannot return the whole catalogue;
 * `after` is the last sku of the previous page (a plain list has no edges to carry cursors).
 */
export class ListProductsQuery extends Query<ProductView[]> {
  constructor(
    readonly first: number | null,
    readonly after: string | null,
  ) {
    super();
  }
}
