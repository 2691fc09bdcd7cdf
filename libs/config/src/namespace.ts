import { ConfigError } from './config-error';

const VALID = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** Where COMMERCE_NAMESPACE may be left unset; anywhere else (production) it must be chosen. */
const DEFAULTS: Readonly<Record<string, string>> = { development: 'dev', test: 'test' };

export const resolveNamespace = (env: NodeJS.ProcessEnv): string => {
  const namespace = env.COMMERCE_NAMESPACE || DEFAULTS[env.NODE_ENV || 'development'];
  if (namespace === undefined) {
    throw new ConfigError(['COMMERCE_NAMESPACE'], ['COMMERCE_NAMESPACE: must be set outside development and test (e.g. prod); it prefixes every topic, group and index']);
  }
  if (!VALID.test(namespace)) {
    throw new ConfigError(['COMMERCE_NAMESPACE'], ['COMMERCE_NAMESPACE: must be 1-40 lowercase letters, digits or dashes, not starting with a dash']);
  }
  return namespace;
};

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
