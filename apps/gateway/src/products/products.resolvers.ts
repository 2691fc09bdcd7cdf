import { AddProductResolver } from './add-product/add-product.resolver';
import { GetProductResolver } from './get-product/get-product.resolver';
import { ListProductsResolver } from './list-products/list-products.resolver';
import { RestockProductResolver } from './restock-product/restock-product.resolver';

/** Also read by the schema-contract spec (through GATEWAY_RESOLVERS). */
export const PRODUCT_RESOLVERS = [ListProductsResolver, GetProductResolver, AddProductResolver, RestockProductResolver];
