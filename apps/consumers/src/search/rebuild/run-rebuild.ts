import { Client } from '@elastic/elasticsearch';
import { Pool } from 'pg';
import type { AppConfig } from '@app/config';
import { pgConnectionOptions } from '@app/database';
import { EVENT_REGISTRY } from '@app/events';
import { EventStore } from '@app/event-store';
import { INVENTORY_SCHEMA } from '../../inventory/inventory.schema';
import { rebuildSearch, type RebuildProgress, type SearchRebuildResult } from './search-rebuild';

/** The read models a rebuild knows; `all` means every one of them. */
export const REBUILDABLE = ['search'] as const;
export type Rebuildable = (typeof REBUILDABLE)[number];

/** `search` -> ['search'], `all` -> every known one; anything else is an error that lists them. */
export const projectionsNamed = (name: string): Rebuildable[] => {
  if (name === 'all') return [...REBUILDABLE];
  if ((REBUILDABLE as readonly string[]).includes(name)) return [name as Rebuildable];
  throw new Error(`unknown projection "${name}"; known: ${REBUILDABLE.join(', ')} (or all for every one)`);
};

/**
 * The other services' store schemas, repeated here because apps may not import each other
 * (apps/user/src/schema.ts, apps/order/src/schema.ts): keep them in step.
 */
const USERS_STORE = 'users';
const ORDERS_STORE = 'orders';

/**
 * Runs one projection's rebuild with the apps' configuration (DATABASE_URL, ELASTICSEARCH_NODE,
 * the namespace), reporting { processed, total, state } through `onProgress`: what the CLI's
 * progress bar and an admin job runner (systemStatus.rebuilds) show. It opens its own pool and
 * client and closes them, so it can run inside any process. It reads three services' stores, so
 * it connects as DATABASE_URL's user, not as a service role (one service's role reads its own).
 */
export const runRebuild = async (name: Rebuildable, config: AppConfig, onProgress?: (progress: RebuildProgress) => void): Promise<SearchRebuildResult> => {
  if (name !== 'search') throw new Error(`no rebuild for ${name as string}`);
  const pool = new Pool({ connectionString: config.databaseUrl, max: 4, ...pgConnectionOptions(config, 'search-rebuild') });
  const es = new Client({ node: config.elasticsearchNode, requestTimeout: 60_000 });
  try {
    const store = (schema: string) => new EventStore(pool, schema, EVENT_REGISTRY);
    return await rebuildSearch({ es, stores: { users: store(USERS_STORE), inventory: store(INVENTORY_SCHEMA), orders: store(ORDERS_STORE) }, onProgress });
  } finally {
    await es.close();
    await pool.end();
  }
};
