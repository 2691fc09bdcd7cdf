import { Module } from '@nestjs/common';
import { EventStoreModule } from '@app/event-store';
import { CONSUMER_RUNTIME } from '../shared/consumer-runtime';
import { AddProductHandler } from './commands/add-product/add-product.handler';
import { InventoryCommandsController } from './commands/inventory-commands.controller';
import { RestockProductHandler } from './commands/restock-product/restock-product.handler';
import { InventoryController } from './inventory.controller';
import { ProductsRepository } from './persistence/products.repository';
import { ReservationsRepository } from './persistence/reservations.repository';
import { ReleaseStockOnOrderCancelled } from './reservations/order-cancelled.handler';
import { CommitStockOnOrderConfirmed } from './reservations/order-confirmed.handler';
import { ReserveStockOnOrderCreated } from './reservations/order-created.handler';
import { INVENTORY_SCHEMA } from './inventory.schema';
import { SERVICE_ROLES } from '@app/database';

const CommandHandlers = [AddProductHandler, RestockProductHandler];
const EventHandlers = [ReserveStockOnOrderCreated, ReleaseStockOnOrderCancelled, CommitStockOnOrderConfirmed];

/**
 * The inventory service, hosted by the consumers app: a command server (admins' product
 * commands) and a consumer of order events, over one schema, with its event store (and relay).
 */
@Module({
  imports: [CONSUMER_RUNTIME, EventStoreModule.forService({ schema: INVENTORY_SCHEMA, role: SERVICE_ROLES.consumers })],
  controllers: [InventoryCommandsController, InventoryController],
  providers: [...CommandHandlers, ...EventHandlers, ProductsRepository, ReservationsRepository],
})
export class InventoryModule {}
