import type { EventStore } from '@app/event-store';
import { READ_MODEL_SCHEMA } from '@app/read-model';
import { rebuildTables, type TableRebuildOptions, type TableRebuildResult, type TableRebuildSpec } from '../../rebuild/table-rebuild';
import { ReadModelBatch } from './read-model-batch';

/** Every store whose events the read model shows (the event log has them all). */
export interface ReadModelStores { users: EventStore; inventory: EventStore; orders: EventStore; payments: EventStore }

/**
 * The tables the projections consumer keeps. product_view is not one: inventory writes it in the
 * statement that changes its stock (see ProductView), so it never lags and has nothing to replay.
 * rebuild_jobs is the rebuilds' own record.
 */
export const READ_MODEL: TableRebuildSpec = {
  name: 'read-model',
  schema: READ_MODEL_SCHEMA,
  // The views before the event log: a live run writes its view first and the log when it flushes.
  tables: ['order_view', 'payment_view', 'user_view', 'event_log'],
  batch: (table) => new ReadModelBatch({ eventLog: table('event_log'), orderView: table('order_view'), paymentView: table('payment_view'), userView: table('user_view') }),
};

/** The read model rebuilt blue/green from the four stores (rebuildTables). */
export const rebuildReadModel = ({ stores, ...options }: Omit<TableRebuildOptions, 'stores'> & { stores: ReadModelStores }): Promise<TableRebuildResult> =>
  rebuildTables(READ_MODEL, { ...options, stores: [stores.users, stores.inventory, stores.orders, stores.payments] });
