import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { type AddProductResult, CommandRejected } from '@app/commands';
import { ConcurrencyError, EventStore } from '@app/event-store';
import { ProductAdded, streamIdOf } from '@app/events';
import { ProductsRepository } from '../../persistence/products.repository';
import { transactionClientOf } from '../../../shared/transaction-client';
import { commandMetadata } from '../command-metadata';
import { AddProductCommand } from './add-product.command';

@CommandHandler(AddProductCommand)
export class AddProductHandler implements ICommandHandler<AddProductCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly products: ProductsRepository,
  ) {}

  async execute({ input, meta, userId }: AddProductCommand): Promise<AddProductResult> {
    const streamId = streamIdOf('product', input.sku);
    try {
      return await this.dataSource.transaction(async (em) => {
        await this.store.lockForAppend(em);
        // The stream decides whether the sku is taken: at expected version 0 only the first add
        // appends (two racing adds collide on the stream's unique version), and a retry of this
        // very command finds its idempotency key and gets the first result back.
        const appended = await this.store.append(streamId, 0, [new ProductAdded(input)], {
          tx: transactionClientOf(em),
          idempotencyKey: meta.commandId,
          metadata: commandMetadata(meta, userId),
        });
        if (appended.duplicate && appended.streamId !== streamId) throw new CommandRejected('CONFLICT', 'this commandId was already used by another command');
        if (!appended.duplicate) await this.products.insert(em, { sku: input.sku, name: input.name, priceCents: input.priceCents, onHand: input.initialStock, version: appended.version });
        return { aggregateId: input.sku, version: appended.version, position: appended.position };
      });
    } catch (err) {
      if (err instanceof ConcurrencyError) throw new CommandRejected('CONFLICT', 'a product with this sku already exists', 'sku');
      throw err;
    }
  }
}
