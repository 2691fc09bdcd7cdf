import { DEFAULT_NODE_ENV } from './config.schema';
import { ConfigError } from './config-error';

const VALID = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** Where COMMERCE_NAMESPACE may be left unset; anywhere else (production) it must be chosen. */
const DEFAULTS: Readonly<Record<string, string>> = { development: 'dev', test: 'test' };

export const resolveNamespace = (env: NodeJS.ProcessEnv): string => {
  const namespace = env.COMMERCE_NAMESPACE || DEFAULTS[env.NODE_ENV || DEFAULT_NODE_ENV];
  if (namespace === undefined) {
    throw new ConfigError(['COMMERCE_NAMESPACE'], ['COMMERCE_NAMESPACE: must be set outside development and test (e.g. prod); it prefixes every topic, group and index']);
  }
  if (!VALID.test(namespace)) {
    throw new ConfigError(['COMMERCE_NAMESPACE'], ['COMMERCE_NAMESPACE: must be 1-40 lowercase letters, digits or dashes, not starting with a dash']);
  }
  return namespace;
};
