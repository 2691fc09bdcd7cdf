import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { id, quantity, sku } from '../fields';

/** Starts the fulfilment saga. The card token stays in the order service: events are kept forever. */
export class OrderCreated extends defineEvent({
  type: 'OrderCreated',
  version: 1,
  topic: TOPICS.orders,
  aggregate: 'order',
  schema: z.object({ orderId: id(), userId: id(), lines: z.array(z.object({ sku: sku(), quantity: quantity() })).min(1).max(50) }),
}) {}
