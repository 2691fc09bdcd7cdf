import { defineConsumer } from '@app/messaging';

/** Reserves, releases and commits stock as orders are created, cancelled and confirmed. */
export const INVENTORY = defineConsumer({ name: 'inventory', groupId: 'consumers.inventory', clientId: 'consumers.inventory' });
