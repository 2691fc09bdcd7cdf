import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, type Repository } from 'typeorm';
import { ProductView, readModelChangeKey } from '@app/read-model';
import { ReadModelChanges } from '../shared/read-model-changes';

/** Reads `read_model.product_view`, written by the inventory module with its stock. */
@Injectable()
export class ProductViewReader {
  constructor(
    @InjectRepository(ProductView) private readonly products: Repository<ProductView>,
    private readonly changes: ReadModelChanges,
  ) {}

  /** Up to `size` products in sku order, after the sku `after` (served by the primary key). */
  page(size: number, after?: string): Promise<ProductView[]> {
    return this.products.find({ where: after === undefined ? {} : { sku: MoreThan(after) }, order: { sku: 'ASC' }, take: size });
  }

  findBySku(sku: string): Promise<ProductView | null> {
    return this.products.findOneBy({ sku });
  }

  /** The product once `reached(row)` holds, else null after `timeoutMs`. */
  waitFor(sku: string, reached: (product: ProductView) => boolean, timeoutMs: number): Promise<ProductView | null> {
    return this.changes.waitUntil(readModelChangeKey('product_view', sku), async () => {
      const product = await this.findBySku(sku);
      return product && reached(product) ? product : null;
    }, timeoutMs);
  }
}
