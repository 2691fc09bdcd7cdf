import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PeriodicTask } from '@app/messaging';
import { fromDeadline } from '../commands/append-context';
import { CancelOrderCommand, DEADLINE_PASSED, SYSTEM } from '../commands/cancel-order/cancel-order.command';
import { ORDER_SETTINGS, type OrderSettings } from '../order-settings';
import { OrderSagaRepository } from './order-saga.repository';

const BATCH = 50;
/** How long a claimed saga is left to its claimer before another scan may take it again. */
const CLAIM_LEASE_MS = 30_000;

/**
 * Cancels orders that did not reach a final status in time: FULFILMENT_TIMEOUT while still
 * PENDING (inventory's answer never came or was dead-lettered), PAYMENT_TIMEOUT while awaiting
 * the payment. The handler picks the reason on the order's fresh state.
 */
@Injectable()
export class OrderDeadlineScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(OrderDeadlineScheduler.name);
  private readonly task: PeriodicTask;

  constructor(
    @Inject(ORDER_SETTINGS) private readonly settings: OrderSettings,
    private readonly sagas: OrderSagaRepository,
    private readonly commandBus: CommandBus,
  ) {
    this.task = new PeriodicTask('order deadline scan', this.settings.deadlineScanMs, () => this.cancelOverdue(), this.log);
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  // Before the pools close (onApplicationShutdown): a cancel in flight finishes first.
  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }

  /** Claims and cancels what is overdue now; one failure leaves its order to the next scan after the lease. */
  async cancelOverdue(): Promise<void> {
    for (const { orderId, correlationId } of await this.sagas.claimOverdue(BATCH, CLAIM_LEASE_MS)) {
      try {
        await this.commandBus.execute(new CancelOrderCommand(orderId, DEADLINE_PASSED, SYSTEM, fromDeadline(orderId, correlationId)));
      } catch (err) {
        this.log.error(`cancelling overdue order ${orderId} failed; retried after ${CLAIM_LEASE_MS} ms: ${err.message}`);
      }
    }
  }
}
