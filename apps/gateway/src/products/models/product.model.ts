import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** API.graphql's `type Product`, from product_view (which the inventory module keeps). */
@ObjectType('Product')
export class ProductModel {
  @Field(() => ID)
  sku: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  priceCents: number;

  @Field(() => Int, { description: 'units that can still be ordered' })
  available: number;

  @Field(() => Int, { description: 'units held by orders not yet confirmed or cancelled' })
  reserved: number;
}
