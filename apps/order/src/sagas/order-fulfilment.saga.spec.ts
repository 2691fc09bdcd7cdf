import { randomUUID } from 'node:crypto';
import {
  InventoryReleased,
  InventoryReservationFailed,
  InventoryReserved,
  OrderCancelled,
  OrderConfirmed,
  PaymentFailed,
  PaymentProcessed,
  PaymentRefunded,
  type EventEnvelope,
} from '@app/events';
import { CancelOrderCommand } from '../commands/cancel-order/cancel-order.command';
import { ConfirmOrderCommand } from '../commands/confirm-order/confirm-order.command';
import { ForgetPaymentTokenCommand } from '../commands/forget-payment-token/forget-payment-token.command';
import { MarkOrderAwaitingPaymentCommand } from '../commands/mark-order-awaiting-payment/mark-order-awaiting-payment.command';
import { RecordRefundCommand } from '../commands/record-refund/record-refund.command';
import { RequestPaymentCommand } from '../commands/request-payment/request-payment.command';
import { RequestRefundCommand } from '../commands/request-refund/request-refund.command';
import { commandsFor, OrderFulfilmentSaga } from './order-fulfilment.saga';
import { receivedEvent, withCause } from './received-event';

const saga = new OrderFulfilmentSaga();
const orderId = randomUUID();
const paymentId = randomUUID();
const cause = { eventId: randomUUID(), correlationId: randomUUID(), userId: null };
const lines = [{ sku: 'sku-1', quantity: 2, unitPriceCents: 1250 }];

describe('the order-fulfilment saga', () => {
  it('answers InventoryReserved with MarkOrderAwaitingPayment, then RequestPayment', async () => {
    const commands = await commandsFor(saga, withCause(new InventoryReserved({ orderId, lines, totalCents: 2500 }), cause));

    expect(commands).toEqual([new MarkOrderAwaitingPaymentCommand(orderId, lines, 2500, cause), new RequestPaymentCommand(orderId, cause)]);
  });

  it('cancels OUT_OF_STOCK on InventoryReservationFailed, naming the short lines, keyed by the event', async () => {
    const failed = new InventoryReservationFailed({ orderId, reason: 'OUT_OF_STOCK', lines: [{ sku: 'sku-1', requested: 3, available: 1 }] });
    const [command] = (await commandsFor(saga, withCause(failed, cause))) as CancelOrderCommand[];

    expect(command).toBeInstanceOf(CancelOrderCommand);
    expect(command).toMatchObject({ orderId, reason: 'OUT_OF_STOCK', cancelledBy: 'system', detail: 'sku-1: 3 requested, 1 available' });
    expect(command.context).toEqual({
      idempotencyKey: `${cause.eventId}:cancel`,
      metadata: { correlationId: cause.correlationId, causationId: cause.eventId, userId: null },
    });
  });

  it('confirms on PaymentProcessed with the payment and the amount paid', async () => {
    const commands = await commandsFor(saga, withCause(new PaymentProcessed({ paymentId, orderId, amountCents: 2500 }), cause));

    expect(commands).toEqual([new ConfirmOrderCommand(orderId, paymentId, 2500, cause)]);
  });

  it("cancels PAYMENT_FAILED on PaymentFailed, with the provider's reason as detail", async () => {
    const failed = new PaymentFailed({ paymentId, orderId, amountCents: 2500, reason: 'DECLINED', message: 'card declined' });
    const commands = await commandsFor(saga, withCause(failed, cause));

    expect(commands).toEqual([expect.objectContaining({ orderId, reason: 'PAYMENT_FAILED', cancelledBy: 'system', detail: 'DECLINED: card declined' })]);
  });

  it('asks for a refund on every OrderCancelled (the handler decides whether one is due), then forgets the token', async () => {
    const commands = await commandsFor(saga, withCause(new OrderCancelled({ orderId, reason: 'PAYMENT_TIMEOUT' }), cause));

    expect(commands).toEqual([new RequestRefundCommand(orderId, cause), new ForgetPaymentTokenCommand(orderId)]);
  });

  it('forgets the token of a confirmed order', async () => {
    const commands = await commandsFor(saga, withCause(new OrderConfirmed({ orderId, paymentId, totalCents: 2500 }), cause));

    expect(commands).toEqual([new ForgetPaymentTokenCommand(orderId)]);
  });

  it('records PaymentRefunded on the order', async () => {
    const commands = await commandsFor(saga, withCause(new PaymentRefunded({ paymentId, orderId, amountCents: 2500 }), cause));

    expect(commands).toEqual([new RecordRefundCommand(orderId, paymentId, 2500, cause)]);
  });

  it('ignores the events of those topics it has no step for', async () => {
    const released = new InventoryReleased({ orderId, lines: [{ sku: 'sku-1', quantity: 2 }], reason: 'PAYMENT_TIMEOUT' });
    expect(await commandsFor(saga, withCause(released, cause))).toEqual([]);
  });

  it('takes the cause from a received envelope: its id, correlation and user', async () => {
    const envelope: EventEnvelope = {
      eventId: randomUUID(),
      type: 'PaymentProcessed',
      schemaVersion: 1,
      streamId: `payment-${paymentId}`,
      aggregateId: paymentId,
      streamVersion: 1,
      occurredAt: new Date().toISOString(),
      payload: { paymentId, orderId, amountCents: 2500 },
      metadata: { correlationId: 'corr-1', causationId: null, userId: null },
    };

    const [command] = (await commandsFor(saga, receivedEvent(envelope))) as ConfirmOrderCommand[];

    expect(command.cause).toEqual({ eventId: envelope.eventId, correlationId: 'corr-1', userId: null });
  });

  it('refuses an event that did not come through receivedEvent, rather than issue unkeyed commands', async () => {
    await expect(commandsFor(saga, new PaymentProcessed({ paymentId, orderId, amountCents: 1 }))).rejects.toThrow('without its envelope');
  });
});
