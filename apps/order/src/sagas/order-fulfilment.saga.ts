import { type ICommand, type IEvent, ofType, Saga } from '@nestjs/cqrs';
import { lastValueFrom, map, merge, mergeMap, type Observable, of, toArray } from 'rxjs';
import { InventoryReservationFailed, InventoryReserved, OrderCancelled, OrderConfirmed, PaymentFailed, PaymentProcessed, PaymentRefunded } from '@app/events';
import { CancelOrderCommand, SYSTEM } from '../commands/cancel-order/cancel-order.command';
import { ConfirmOrderCommand } from '../commands/confirm-order/confirm-order.command';
import { fromEvent } from '../commands/append-context';
import { ForgetPaymentTokenCommand } from '../commands/forget-payment-token/forget-payment-token.command';
import { MarkOrderAwaitingPaymentCommand } from '../commands/mark-order-awaiting-payment/mark-order-awaiting-payment.command';
import { RecordRefundCommand } from '../commands/record-refund/record-refund.command';
import { RequestPaymentCommand } from '../commands/request-payment/request-payment.command';
import { RequestRefundCommand } from '../commands/request-refund/request-refund.command';
import type { CancellationReason } from '../domain/order.aggregate';
import { causeOf } from './received-event';

/*
 * The order-fulfilment saga, and why a SIGKILL at any point followed by a restart still finishes it.
 *
 * Flow: CreateOrder (saga row and its deadline stored with OrderCreated) -> (inventory)
 * InventoryReserved -> MarkOrderAwaitingPayment + RequestPayment (deadline brought forward,
 * processPayment sent) -> PaymentProcessed -> ConfirmOrder | PaymentFailed or the deadline ->
 * CancelOrder. InventoryReservationFailed -> CancelOrder(OUT_OF_STOCK). OrderCancelled ->
 * RequestRefund (refundPayment: refund, or void what is not charged yet) -> PaymentRefunded ->
 * RecordRefund (OrderRefunded). OrderConfirmed / OrderCancelled -> the card token is deleted.
 *
 * 1. Events reach the saga through the consumer runtime (group order.saga). An offset is committed
 *    only after runtime.process settled the event, i.e. after every command of its step was
 *    awaited and succeeded (or it was dead-lettered). Killed mid-step, nothing is committed and
 *    Kafka redelivers the event to the restarted instance (or another replica).
 * 2. So every step may run twice, and every command is idempotent: the aggregate decides from its
 *    state (a PENDING order only is marked, an AWAITING_PAYMENT one only confirmed, a cancelled one
 *    is not cancelled again) and the append carries `<eventId>:<step>` as idempotency key, which
 *    also settles two replicas racing on one event. Optimistic concurrency (reload and decide
 *    again) settles the saga, the deadline and the customer racing on one order.
 * 3. The saga's state is in orders.order_sagas, written after each command (also when the command
 *    appended nothing, which heals a crash between the append and that write) and guarded by the
 *    order's version so an older writer cannot overwrite a newer state.
 * 4. RequestPayment stores the deadline BEFORE sending, and a redelivery keeps the first deadline
 *    (coalesce), so retries never postpone it. The request is re-sent with the same commandId
 *    (`pay:<orderId>`) and the payment service is idempotent per order: never a second charge.
 *    The reply is informational; a lost one (killed while waiting, timeout) changes nothing.
 * 5. The outcome travels as an event: a PaymentProcessed published while we were down waits in
 *    payments.events behind our uncommitted offset, and is read once the dead member's session
 *    (10 s, see startOrderService) has expired. If none comes, the deadline scheduler (every
 *    replica, every PAYMENT_DEADLINE_SCAN_MS) reads the deadline from Postgres, not from a timer
 *    that died with the process, claims it with FOR UPDATE SKIP LOCKED and a lease (a claimer
 *    killed before cancelling delays the cancel by the lease only), and cancels PAYMENT_TIMEOUT
 *    (FULFILMENT_TIMEOUT while still PENDING: the deadline runs from creation).
 * 6. Races that remain are business outcomes: paid after the deadline cancelled -> the saga row
 *    says REFUND_DUE until PaymentRefunded; the refund itself was requested on OrderCancelled,
 *    durably (the offset moves only after the broker took the request), so no flag can lose it;
 *    timed out after a confirmation -> no-op.
 * 7. A command that keeps failing is retried with backoff, then its event goes to the group's
 *    dead-letter topic (listed and redriven with the messaging lib's tools); the deadline from
 *    creation still closes that order, and its OrderCancelled releases the stock.
 */
export class OrderFulfilmentSaga {
  @Saga()
  fulfil = (events$: Observable<IEvent>): Observable<ICommand> =>
    merge(
      events$.pipe(
        ofType(InventoryReserved),
        mergeMap((e) => {
          const { orderId, lines, totalCents } = e.payload;
          return [new MarkOrderAwaitingPaymentCommand(orderId, lines, totalCents, causeOf(e)), new RequestPaymentCommand(orderId, causeOf(e))];
        }),
      ),
      events$.pipe(
        ofType(InventoryReservationFailed),
        map((e) => cancel(e, 'OUT_OF_STOCK', e.payload.lines.map((l) => `${l.sku}: ${l.requested} requested, ${l.available} available`).join('; '))),
      ),
      events$.pipe(
        ofType(PaymentProcessed),
        map((e) => new ConfirmOrderCommand(e.payload.orderId, e.payload.paymentId, e.payload.amountCents, causeOf(e))),
      ),
      events$.pipe(
        ofType(PaymentFailed),
        map((e) => cancel(e, 'PAYMENT_FAILED', `${e.payload.reason}: ${e.payload.message}`)),
      ),
      events$.pipe(
        ofType(OrderCancelled),
        mergeMap((e) => [new RequestRefundCommand(e.payload.orderId, causeOf(e)), new ForgetPaymentTokenCommand(e.payload.orderId)]),
      ),
      events$.pipe(
        ofType(OrderConfirmed),
        map((e) => new ForgetPaymentTokenCommand(e.payload.orderId)),
      ),
      events$.pipe(
        ofType(PaymentRefunded),
        map((e) => new RecordRefundCommand(e.payload.orderId, e.payload.paymentId, e.payload.amountCents, causeOf(e))),
      ),
    );
}

const cancel = (e: { payload: { orderId: string } }, reason: CancellationReason, detail: string) =>
  new CancelOrderCommand(e.payload.orderId, reason, SYSTEM, fromEvent(causeOf(e), 'cancel'), detail.slice(0, 500));

/**
 * The commands the saga issues for one event, in order. The consumer awaits each of them instead
 * of letting the CQRS EventBus run them fire-and-forget: a command that failed after the offset
 * was committed would be lost.
 */
export const commandsFor = (saga: OrderFulfilmentSaga, event: IEvent): Promise<ICommand[]> => lastValueFrom(saga.fulfil(of(event)).pipe(toArray()));
