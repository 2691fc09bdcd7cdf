import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrderView, PaymentView, UserView } from '@app/read-model';
import { CommandClientModule } from '../command-client/command-client.module';
import { CancelOrderHandler } from './cancel-order/cancel-order.handler';
import { CreateOrderHandler } from './create-order/create-order.handler';
import { GetOrderHandler } from './get-order/get-order.handler';
import { ListOrdersHandler } from './list-orders/list-orders.handler';
import { OrderLoaders } from './order-loaders';
import { OrderViewReader } from './order-view.reader';
import { ORDER_RESOLVERS } from './orders.resolvers';
import { PaymentViewReader } from './payment-view.reader';
import { ReadModelChangesModule } from '../shared/read-model-changes.module';

@Module({
  imports: [TypeOrmModule.forFeature([OrderView, PaymentView, UserView]), CommandClientModule, ReadModelChangesModule],
  providers: [...ORDER_RESOLVERS, GetOrderHandler, ListOrdersHandler, CreateOrderHandler, CancelOrderHandler, OrderViewReader, PaymentViewReader, OrderLoaders],
  // The event history decides who owns an order's or a payment's stream from these.
  exports: [OrderViewReader, PaymentViewReader],
})
export class OrdersModule {}
