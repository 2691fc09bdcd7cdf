import { Client } from '@elastic/elasticsearch';
import { Pool } from 'pg';
import type { AppConfig } from '@app/config';
import { pgConnectionOptions, SERVICE_ROLES } from '@app/database';
import { EVENT_REGISTRY } from '@app/events';
import { EventStore } from '@app/event-store';
import { INVENTORY_SCHEMA } from '../inventory/inventory.schema';
import { rebuildAnalytics } from '../analytics/rebuild/analytics-rebuild';
import { rebuildReadModel } from '../projections/rebuild/read-model-rebuild';
import { rebuildSearch } from '../search/rebuild';
import type { RebuildProgress } from './drain';
import type { TableRebuildResult } from './table-rebuild';

/** The read models a rebuild knows; `all` means every one of them. */
export const REBUILDABLE = ['read-model', 'analytics', 'search'] as const;
export type Rebuildable = (typeof REBUILDABLE)[number];

/** `search` -> ['search'], `all` -> every known one; anything else is an error that lists them. */
export const projectionsNamed = (name: string): Rebuildable[] => {
  if (name === 'all') return [...REBUILDABLE];
  if ((REBUILDABLE as readonly string[]).includes(name)) return [name as Rebuildable];
  throw new Error(`unknown projection "${name}"; known: ${REBUILDABLE.join(', ')} (or all for every one)`);
};

/**
 * The other services' store schemas, repeated here because apps may not import each other
 * (apps/user/src/schema.ts, apps/order/src/schema.ts, apps/payment/src/schema.ts): keep them in step.
 */
const USERS_STORE = 'users';
const ORDERS_STORE = 'orders';
const PAYMENTS_STORE = 'payments';

const swappedTables = (r: TableRebuildResult) => [
  ...r.tables.map((t) => `  ${t}: rebuilt and swapped in`),
  ...(r.skipped ? [`  ${r.skipped} events skipped: undecodable, or a later event of an order the stores never created (the live consumer dead-letters these)`] : []),
];

/** What a finished rebuild reports: its figures and one line per thing it swapped. */
export interface RebuildResult { events: number; seconds: number; eventsPerSecond: number; swapped: string[] }

/**
 * Runs one projection's rebuild with the apps' configuration (DATABASE_URL, ELASTICSEARCH_NODE,
 * the namespace), reporting { processed, total, state } through `onProgress` (the CLI's progress
 * bar, the admin's job in systemStatus.rebuilds). It opens its own pool and client and closes
 * them, so it can run inside any process. Its connections act as the consumers' role, which owns
 * the read models and may read every store's events (EventsReadableByReadSide).
 */
export const runRebuild = async (name: Rebuildable, config: AppConfig, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> => {
  const pool = new Pool({ connectionString: config.databaseUrl, max: 4, ...pgConnectionOptions(config, `${name}-rebuild`, undefined, SERVICE_ROLES.consumers) });
  const store = (schema: string) => new EventStore(pool, schema, EVENT_REGISTRY);
  try {
    if (name === 'read-model') {
      const stores = { users: store(USERS_STORE), inventory: store(INVENTORY_SCHEMA), orders: store(ORDERS_STORE), payments: store(PAYMENTS_STORE) };
      const r = await rebuildReadModel({ db: pool, stores, onProgress });
      return { ...r, swapped: swappedTables(r) };
    }
    if (name === 'analytics') {
      const r = await rebuildAnalytics({ db: pool, stores: { users: store(USERS_STORE), orders: store(ORDERS_STORE) }, onProgress });
      return { ...r, swapped: swappedTables(r) };
    }
    const es = new Client({ node: config.elasticsearchNode, requestTimeout: 60_000 });
    try {
      const r = await rebuildSearch({ es, stores: { users: store(USERS_STORE), inventory: store(INVENTORY_SCHEMA), orders: store(ORDERS_STORE) }, onProgress });
      return { ...r, swapped: r.indices.map((i) => `  ${i.alias}: ${i.old ?? '(none)'} -> ${i.next}${i.old ? ` (${i.old} deleted)` : ''}`) };
    } finally {
      await es.close();
    }
  } finally {
    await pool.end();
  }
};
