import { z } from 'zod';
import { defineEvent } from '../define-event';
import { TOPICS } from '../topics';
import { cents, id } from '../fields';

export class OrderConfirmed extends defineEvent({
  type: 'OrderConfirmed',
  version: 1,
  topic: TOPICS.orders,
  aggregate: 'order',
  schema: z.object({ orderId: id(), paymentId: id(), totalCents: cents() }),
}) {}
