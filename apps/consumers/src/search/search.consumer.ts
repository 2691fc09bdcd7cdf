import { defineConsumer } from '@app/messaging';

/** Keeps the Elasticsearch indices that the gateway's `search` queries. */
export const SEARCH = defineConsumer({ name: 'search', groupId: 'consumers.search', clientId: 'consumers.search' });
