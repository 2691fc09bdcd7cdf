import { Query } from '@nestjs/cqrs';
import type { ProductView } from '@app/read-model';

/** The catalogue: open to anyone, signed in or not (a shop shows its products before sign-up). */
export class ListProductsQuery extends Query<ProductView[]> {}
