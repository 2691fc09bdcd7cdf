import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { logLevel } from 'kafkajs';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { APP_CONFIG, type AppConfig, namespaced } from '@app/config';
import { COMMAND_TOPICS, COMMANDS, replyTopic, type CommandError, type CommandMessage, type CommandReply, type ProcessPaymentData, type ProcessPaymentResult } from '@app/commands';
import { ensureTopics, PRODUCER_CONFIG } from '@app/messaging';
import { ORDER_SETTINGS, type OrderSettings } from '../order-settings';

/** The Kafka request/reply transport; a token so unit specs can hand in a stand-in. */
export const PAYMENT_TRANSPORT = Symbol('PAYMENT_TRANSPORT');
export type PaymentTransport = Pick<ClientKafka, 'connect' | 'close' | 'send' | 'getConsumerAssignments'>;

/** One resend after a timeout, with the same commandId: the payment service answers it from its first attempt. */
const SEND_ATTEMPTS = 2;
const REPLY_TOPIC = replyTopic(COMMANDS.processPayment);

export class PaymentRequestRefused extends Error {
  readonly code = 'PAYMENT_REQUEST_REFUSED';
  constructor(orderId: string, error?: CommandError) {
    super(`the payment service refused the request for order ${orderId}: ${error ? `${error.code} ${error.message}` : 'malformed reply'}`);
  }
}

export const createPaymentTransport = (config: AppConfig): ClientKafka => {
  // A group per instance: replies go to a partition this instance owns (see the gateway's client).
  const id = namespaced(`order-payments-${randomUUID().slice(0, 8)}`);
  const client = new ClientKafka({
    client: { clientId: id, brokers: config.kafkaBrokers, logLevel: logLevel.WARN },
    // Bounds how long close() waits for the fetch in flight.
    consumer: { groupId: id, maxWaitTimeInMs: 1000 },
    producer: PRODUCER_CONFIG,
    postfixId: '',
  });
  // Must precede connect(): the reply topic is subscribed when the consumer starts.
  client.subscribeToResponseOf(COMMANDS.processPayment);
  return client;
};

/**
 * Asks the payment service to charge an order. The reply is informational: PaymentProcessed or
 * PaymentFailed on payments.events moves the order, and the saga's deadline covers silence.
 */
@Injectable()
export class PaymentClient implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger(PaymentClient.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ORDER_SETTINGS) private readonly settings: OrderSettings,
    @Inject(PAYMENT_TRANSPORT) private readonly transport: PaymentTransport,
  ) {}

  async onModuleInit(): Promise<void> {
    // Topic auto-creation is off, and the command server ensures the command topics only after init.
    await ensureTopics(this.config.kafkaBrokers, COMMAND_TOPICS.filter((t) => t.topic === COMMANDS.processPayment || t.topic === REPLY_TOPIC));
    await this.transport.connect();
  }

  // Not onModuleDestroy: the saga consumer may still be sending until Nest closes the servers.
  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }

  /** Undefined when no reply came (the deadline decides); throws when the request could not be sent or was refused. */
  async process(data: ProcessPaymentData, correlationId: string): Promise<ProcessPaymentResult | undefined> {
    const message: CommandMessage<ProcessPaymentData> = { commandId: `pay:${data.orderId}`, correlationId, issuedBy: null, data };
    await this.replyPartitionAssigned();
    for (let attempt = 1; ; attempt++) {
      try {
        const reply = await firstValueFrom(
          this.transport
            .send<CommandReply<ProcessPaymentResult>>(COMMANDS.processPayment, { key: data.orderId, value: message })
            .pipe(timeout({ first: this.settings.paymentReplyTimeoutMs })),
        );
        if (reply?.ok !== true) throw new PaymentRequestRefused(data.orderId, reply?.ok === false ? reply.error : undefined);
        this.log.log(`payment for order ${data.orderId}: ${reply.result.status}`);
        return reply.result;
      } catch (err) {
        if (!(err instanceof TimeoutError)) throw err;
        if (attempt < SEND_ATTEMPTS) continue;
        this.log.warn(`no reply from the payment service for order ${data.orderId} after ${SEND_ATTEMPTS} attempts; the payment deadline decides`);
        return undefined;
      }
    }
  }

  /** ClientKafka names its reply partition in each request, and knows it only once its group has joined. */
  private async replyPartitionAssigned(): Promise<void> {
    const deadline = Date.now() + this.settings.paymentReplyTimeoutMs;
    while (this.transport.getConsumerAssignments()[REPLY_TOPIC] === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
