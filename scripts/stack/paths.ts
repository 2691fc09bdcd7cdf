import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

/** Versions the local stack runs; docker-compose.yml and the tests read them from here. */
export const KAFKA_VERSION = '4.1.1';
export const ELASTICSEARCH_VERSION = '8.19.2';

export const ROOT = resolve(__dirname, '..', '..');
/** Everything the stack downloads, writes and logs lives here (git-ignored). */
export const STACK_DIR = process.env.STACK_DIR ?? join(ROOT, '.stack');

export const serviceDir = (name: string): string => join(STACK_DIR, name);

/**
 * Where a service that runs as another user keeps its files. Normally under STACK_DIR; when that
 * user cannot reach it (e.g. the repo lives under a root-only home folder) a folder under
 * /var/tmp keyed by the repo path, so two clones never share one.
 */
export const dirFor = (name: string, reachable: (path: string) => boolean): string => {
  const preferred = serviceDir(name);
  if (reachable(STACK_DIR)) return preferred;
  const key = createHash('sha1').update(ROOT).digest('hex').slice(0, 10);
  return join('/var/tmp', `commerce-stack-${key}`, name);
};
