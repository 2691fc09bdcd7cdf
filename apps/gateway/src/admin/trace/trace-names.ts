import { COMMAND_SENDERS, COMMANDS } from '@app/commands';
import { ALL_CONTRACTS, parseStreamId, TOPICS } from '@app/events';

export type CommandKey = keyof typeof COMMANDS;

/** Who writes each topic's events: the services as the README names them. */
const SERVICE_OF_TOPIC: Readonly<Record<string, string>> = {
  [TOPICS.users]: 'user',
  [TOPICS.orders]: 'order',
  [TOPICS.payments]: 'payment',
  [TOPICS.inventory]: 'inventory',
  [TOPICS.notifications]: 'notifications',
};

const TOPIC_OF_TYPE = new Map(ALL_CONTRACTS.map((contract) => [contract.type, contract.topic]));

/** The aggregate of a stream id (`order-<uuid>` -> order), undefined for what is no stream id. */
export const aggregateOf = (streamId: string): string | undefined => {
  try {
    return parseStreamId(streamId).aggregate;
  } catch {
    return undefined;
  }
};

/**
 * The service that recorded an event: its contract's topic says which store it lives in. A type
 * this gateway does not know yet (a newer service's) falls back to its stream's aggregate.
 */
export const serviceOfEvent = (type: string, streamId: string): string =>
  SERVICE_OF_TOPIC[TOPIC_OF_TYPE.get(type) ?? ''] ?? aggregateOf(streamId) ?? 'unknown';

/**
 * The command whose outcome each event is, when a command appends it: the stores keep a command
 * only as the causationId of the events it appended (no service records the command itself), so
 * its name is known from them. The same events appended by a saga or a consumer name an event as
 * their cause instead, and never reach this table.
 */
export const COMMAND_OF_OUTCOME: Readonly<Record<string, CommandKey>> = {
  UserRegistered: 'registerUser',
  UserTokensRevoked: 'revokeTokens',
  ProductAdded: 'addProduct',
  StockAdjusted: 'restockProduct',
  OrderCreated: 'createOrder',
  OrderCancelled: 'cancelOrder',
  PaymentProcessed: 'processPayment',
  PaymentFailed: 'processPayment',
  PaymentRefunded: 'refundPayment',
};

/**
 * What the order saga sends each of its commands on (apps/order/src/sagas/order-fulfilment.saga.ts:
 * processPayment with MarkOrderAwaitingPayment on InventoryReserved, refundPayment on
 * OrderCancelled). The command carries the correlation but no causation, and the payment
 * service records it only as its events' cause: this rule hangs it under the event that made the
 * saga send it, so an order's trace stays one tree.
 */
export const SAGA_SENDS_ON: Readonly<Partial<Record<CommandKey, string>>> = {
  processPayment: 'InventoryReserved',
  refundPayment: 'OrderCancelled',
};

/** The commands only the order service sends (COMMAND_SENDERS): its saga's. */
export const sagaCommands = (): CommandKey[] =>
  (Object.keys(COMMANDS) as CommandKey[]).filter((key) => COMMAND_SENDERS[COMMANDS[key]].every((sender) => sender === 'order'));

/** `createOrder` -> `CreateOrder`, as API.graphql's examples name commands. */
export const commandName = (key: CommandKey): string => key[0].toUpperCase() + key.slice(1);
