import { resolveNamespace } from './resolve-namespace';

export { resolveNamespace };

/**
 * This environment's namespace: every name it uses on shared infrastructure starts with it
 * (Kafka topics, consumer groups, dead-letter topics, Elasticsearch indices and aliases), so dev,
 * each test run and production can share a broker or a cluster without ever reading each other's
 * traffic. Read once, when this module loads: topic names are fixed at import (handler
 * decorators name them). `npm start` runs in `dev`, `npm test` in a fresh `test-<run>` each run.
 */
export const NAMESPACE = resolveNamespace(process.env);

/** `name` in this environment's namespace, e.g. `dev.orders.events`. */
export const namespaced = (name: string): string => `${NAMESPACE}.${name}`;
