import { defineConsumer } from '@app/messaging';

/** Keeps the read model (schema read_model) that the gateway queries. */
export const PROJECTIONS = defineConsumer({ name: 'projections', groupId: 'consumers.projections', clientId: 'consumers.projections' });
