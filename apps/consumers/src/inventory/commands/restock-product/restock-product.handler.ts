import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CommandRejected, type RestockProductResult } from '@app/commands';
import { EventStore } from '@app/event-store';
import { StockAdjusted, streamIdOf } from '@app/events';
import { ProductsRepository } from '../../persistence/products.repository';
import { transactionClientOf } from '../../../shared/transaction-client';
import { commandMetadata } from '../command-metadata';
import { RestockProductCommand } from './restock-product.command';

// The on_hand column is a Postgres integer.
const MAX_ON_HAND = 2_147_483_647;

@CommandHandler(RestockProductCommand)
export class RestockProductHandler implements ICommandHandler<RestockProductCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly products: ProductsRepository,
  ) {}

  async execute({ input: { sku, quantity }, meta, userId }: RestockProductCommand): Promise<RestockProductResult> {
    const streamId = streamIdOf('product', sku);
    return this.dataSource.transaction(async (em) => {
      await this.store.lockForAppend(em);
      // Held until commit: reservations of this sku wait, so `available` below stays true.
      const product = (await this.products.lockForUpdate(em, [sku])).get(sku);
      if (!product) throw new CommandRejected('NOT_FOUND', 'no product has this sku', 'sku');
      const available = product.onHand + quantity - product.reserved;
      // Appended first: a retry of this command (same commandId) appends nothing and must not
      // add the units again either; it answers with the first attempt's result.
      const appended = await this.store.append(streamId, product.version, [new StockAdjusted({ sku, delta: quantity, reason: 'RESTOCK', available })], {
        tx: transactionClientOf(em),
        idempotencyKey: meta.commandId,
        metadata: commandMetadata(meta, userId),
      });
      if (appended.duplicate && appended.streamId !== streamId) throw new CommandRejected('CONFLICT', 'this commandId was already used by another command');
      if (!appended.duplicate) {
        // Checked after the duplicate test so that a retry is never refused; throwing rolls the append back.
        if (product.onHand + quantity > MAX_ON_HAND) throw new CommandRejected('BAD_USER_INPUT', 'the stock would exceed the maximum', 'quantity');
        await this.products.adjust(em, [{ sku, onHand: quantity, reserved: 0, version: appended.version }]);
      }
      return { aggregateId: sku, version: appended.version, position: appended.position };
    });
  }
}
