import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProductView } from '@app/read-model';
import { CommandClientModule } from '../command-client/command-client.module';
import { AddProductHandler } from './add-product/add-product.handler';
import { GetProductHandler } from './get-product/get-product.handler';
import { ListProductsHandler } from './list-products/list-products.handler';
import { ProductViewReader } from './product-view.reader';
import { PRODUCT_RESOLVERS } from './products.resolvers';
import { RestockProductHandler } from './restock-product/restock-product.handler';
import { ReadModelChangesModule } from '../shared/read-model-changes.module';

@Module({
  imports: [TypeOrmModule.forFeature([ProductView]), CommandClientModule, ReadModelChangesModule],
  providers: [...PRODUCT_RESOLVERS, ListProductsHandler, GetProductHandler, AddProductHandler, RestockProductHandler, ProductViewReader],
})
export class ProductsModule {}
