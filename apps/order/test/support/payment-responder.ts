import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { COMMANDS, type CommandMessage, type CommandReply, type ProcessPaymentData, type ProcessPaymentResult, type RefundPaymentData } from '@app/commands';
import { PRODUCER_CONFIG } from '@app/messaging';
import { securityOf } from '../../../../test/support/command-security';

export type Answer = (data: ProcessPaymentData) => CommandReply<ProcessPaymentResult> | undefined;

/**
 * Stands in for the payment service's command server (built elsewhere, concurrently): records
 * processPayment requests for the orders it was told about and answers them the way Nest's
 * ServerKafka does (reply topic and partition from the request headers, correlation id back,
 * is-disposed set). Requests for other orders (other runs on this broker) are left alone.
 * Like the payment service, it checks the order service's signature and opens the sealed card
 * token: `requests` hold what it opened, `sealedTokens` what crossed Kafka.
 */
export class PaymentResponder {
  readonly requests: { key: string; message: CommandMessage<ProcessPaymentData> }[] = [];
  /** refundPayment commands (one way, never answered) for the orders it was told about. */
  readonly refunds: { key: string; message: CommandMessage<RefundPaymentData> }[] = [];
  readonly sealedTokens: string[] = [];
  private readonly orders = new Set<string>();
  private readonly security = securityOf('payment');
  private readonly kafka: Kafka;
  private readonly groupId = `payment-responder-e2e-${randomUUID().slice(0, 8)}`;
  private consumer?: Consumer;
  private producer?: Producer;

  constructor(
    brokers: string[],
    private readonly answer: Answer,
  ) {
    this.kafka = new Kafka({ clientId: this.groupId, brokers, logLevel: logLevel.NOTHING });
  }

  expect(orderId: string): void {
    this.orders.add(orderId);
  }

  requestsFor(orderId: string) {
    return this.requests.filter((r) => r.message.data.orderId === orderId);
  }

  refundsFor(orderId: string) {
    return this.refunds.filter((r) => r.message.data.orderId === orderId);
  }

  async start(): Promise<void> {
    this.producer = this.kafka.producer(PRODUCER_CONFIG);
    await this.producer.connect();
    this.consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeInMs: 200 });
    const joined = new Promise((resolve) => this.consumer!.on(this.consumer!.events.GROUP_JOIN, resolve));
    await this.consumer.connect();
    // From the beginning: a request sent while this group was still joining is not lost.
    await this.consumer.subscribe({ topics: [COMMANDS.processPayment, COMMANDS.refundPayment], fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        const packet = JSON.parse(message.value!.toString()) as CommandMessage<ProcessPaymentData>;
        if (!this.orders.has(packet.data?.orderId)) return;
        if (topic === COMMANDS.refundPayment) {
          return void this.refunds.push({ key: message.key!.toString(), message: this.security.verify(COMMANDS.refundPayment, packet) as CommandMessage<RefundPaymentData> });
        }
        this.security.verify(COMMANDS.processPayment, packet);
        this.sealedTokens.push(packet.data.paymentToken);
        const opened = { ...packet, data: this.security.unsealIn(packet.data, 'paymentToken') as ProcessPaymentData };
        this.requests.push({ key: message.key!.toString(), message: opened });
        const reply = this.answer(opened.data);
        const header = (name: string) => message.headers![name]!.toString();
        // The order service sends its requests one way (no reply topic): nothing to answer.
        if (!reply || message.headers?.kafka_replyTopic === undefined) return;
        await this.producer!.send({
          topic: header('kafka_replyTopic'),
          messages: [
            {
              partition: Number(header('kafka_replyPartition')),
              value: JSON.stringify(reply),
              headers: { kafka_correlationId: header('kafka_correlationId'), 'kafka_nest-is-disposed': Buffer.alloc(1) },
            },
          ],
        });
      },
    });
    await joined;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.deleteGroups([this.groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
