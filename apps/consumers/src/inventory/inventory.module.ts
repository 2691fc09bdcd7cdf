import { Module } from '@nestjs/common';
import { CONSUMER_RUNTIME } from '../shared/consumer-runtime';
import { CONSUMERS_EVENT_STORE } from '../shared/consumers-event-store';
import { AddProductHandler } from './commands/add-product/add-product.handler';
import { InventoryCommandsController } from './commands/inventory-commands.controller';
import { RestockProductHandler } from './commands/restock-product/restock-product.handler';
import { InventoryController } from './inventory.controller';
import { ProductsRepository } from './persistence/products.repository';
import { ReservationsRepository } from './persistence/reservations.repository';
import { OrderCancelledHandler } from './reservations/order-cancelled.handler';
import { OrderConfirmedHandler } from './reservations/order-confirmed.handler';
import { OrderCreatedHandler } from './reservations/order-created.handler';

const CommandHandlers = [AddProductHandler, RestockProductHandler];
const EventHandlers = [OrderCreatedHandler, OrderCancelledHandler, OrderConfirmedHandler];

/**
 * The inventory service, hosted by the consumers app: a command server (admins' product
 * commands) and a consumer of order events, over one schema. Its event store is the app's one
 * (CONSUMERS_EVENT_STORE), which notifications append to as well.
 */
@Module({
  imports: [CONSUMER_RUNTIME, CONSUMERS_EVENT_STORE],
  controllers: [InventoryCommandsController, InventoryController],
  providers: [...CommandHandlers, ...EventHandlers, ProductsRepository, ReservationsRepository],
})
export class InventoryModule {}
