import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { cents, id } from '../fields';

/**
 * A cancelled order's payment was given back (the payment's PaymentRefunded, recorded on the
 * order's own stream so that the order's history shows it). Only ever follows OrderCancelled.
 */
export class OrderRefunded extends defineEvent({
  type: 'OrderRefunded',
  version: 1,
  topic: TOPICS.orders,
  aggregate: 'order',
  schema: z.object({ orderId: id(), paymentId: id(), amountCents: cents() }),
}) {}
