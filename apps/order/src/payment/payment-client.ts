import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { logLevel } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { APP_CONFIG, type AppConfig, namespaced } from '@app/config';
import { COMMAND_TOPICS, COMMANDS, CommandSecurity, type CommandMessage, type CommandPattern, type ProcessPaymentData, type RefundPaymentData } from '@app/commands';
import { ensureTopics, PRODUCER_CONFIG } from '@app/messaging';
import { type EventCause, traceOf } from '../commands/append-context';

/** The Kafka transport (producer only); a token so unit specs can hand in a stand-in. */
export const PAYMENT_TRANSPORT = Symbol('PAYMENT_TRANSPORT');
export type PaymentTransport = Pick<ClientKafka, 'connect' | 'close' | 'emit'>;

export const createPaymentTransport = (config: AppConfig): ClientKafka =>
  new ClientKafka({
    client: { clientId: namespaced(`order-payments-${randomUUID().slice(0, 8)}`), ...config.kafka, logLevel: logLevel.WARN },
    // One way: no reply consumer, no group, no reply partition to wait for.
    producerOnlyMode: true,
    producer: PRODUCER_CONFIG,
    postfixId: '',
  });

/**
 * Asks the payment service to charge an order, one way: it resolves once the broker has the
 * request (acks=all), not when the payment is done. PaymentProcessed or PaymentFailed on
 * payments.events moves the order, and the saga's deadline (armed before this is called) covers a
 * request that is lost or refused. Waiting for a reply here held the saga's inventory partition
 * for a payment round trip per order, and a slow payment service held up every order behind it.
 */
@Injectable()
export class PaymentClient implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PAYMENT_TRANSPORT) private readonly transport: PaymentTransport,
    private readonly security: CommandSecurity,
  ) {}

  async onModuleInit(): Promise<void> {
    // Topic auto-creation is off, and the command server ensures the command topics only after init.
    await ensureTopics(this.config.kafka, COMMAND_TOPICS.filter((t) => t.topic === COMMANDS.processPayment || t.topic === COMMANDS.refundPayment));
    await this.transport.connect();
  }

  // Not onModuleDestroy: the saga consumer may still be sending until Nest closes the servers.
  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }

  /**
   * Throws when the broker did not take the request, so the saga step is retried (same commandId:
   * charged once). `cause`: the event the saga reacts to; the command carries its correlation and
   * trace (the saga's span handling it, when tracing), so the payment joins the order's trace.
   */
  request(data: ProcessPaymentData, cause: EventCause): Promise<void> {
    return this.send(COMMANDS.processPayment, { commandId: `pay:${data.orderId}`, correlationId: cause.correlationId, issuedBy: null, ...traceOf(cause), data });
  }

  /** Same one-way terms; idempotent per order at the payment service, so resending is harmless. */
  refund(orderId: string, cause: EventCause): Promise<void> {
    return this.send<RefundPaymentData>(COMMANDS.refundPayment, { commandId: `refund:${orderId}`, correlationId: cause.correlationId, issuedBy: null, ...traceOf(cause), data: { orderId } });
  }

  /** Signed as the order service: the payment service takes these from no one else. */
  private async send<D extends { orderId: string }>(pattern: CommandPattern, message: CommandMessage<D>): Promise<void> {
    const value = this.security.sign(pattern, message);
    await lastValueFrom(this.transport.emit(pattern, { key: message.data.orderId, value }), { defaultValue: undefined });
  }
}
