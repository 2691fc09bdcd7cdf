import { lockForAppend } from '@app/event-store';
import { defineConsumer } from '@app/messaging';
import { INVENTORY_SCHEMA } from './inventory.schema';

/** Reserves, releases and commits stock as orders are created, cancelled and confirmed; appends its events in the same transaction. */
export const INVENTORY = defineConsumer({
  name: 'inventory',
  groupId: 'consumers.inventory',
  clientId: 'consumers.inventory',
  beginTransaction: (em) => lockForAppend(em, INVENTORY_SCHEMA),
});
