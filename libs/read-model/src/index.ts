import { READ_MODEL_SCHEMA } from './schema';
import { EventLogEntry } from './entities/event-log-entry.entity';
import { OrderView } from './entities/order-view.entity';
import { PaymentView } from './entities/payment-view.entity';
import { ProductView } from './entities/product-view.entity';
import { UserView } from './entities/user-view.entity';
import { CreateUserView1764300000000 } from './migrations/1764300000000-create-user-view';
import { CreateOrderViews1764600000000 } from './migrations/1764600000000-create-order-views';
import { AnnounceChanges1795100000000 } from './migrations/1795100000000-announce-changes';
import { OrderViewFieldVersions1795400000000 } from './migrations/1795400000000-order-view-field-versions';
import { UserTokensRevoked1795500000000 } from './migrations/1795500000000-user-tokens-revoked';
import { EventLogByCorrelation1795800000001 } from './migrations/1795800000001-event-log-by-correlation';
import { RebuildJobs1795900000001 } from './migrations/1795900000001-rebuild-jobs';

export * from './schema';
export type { OrderStatus, OrderViewLine } from './entities/order-view.entity';
export { EventLogEntry, OrderView, PaymentView, ProductView, UserView };

/** Read-model tables, created by the app that owns the projections (consumers). */
export const READ_MODEL_MIGRATIONS = [CreateUserView1764300000000, CreateOrderViews1764600000000, AnnounceChanges1795100000000, OrderViewFieldVersions1795400000000, UserTokensRevoked1795500000000, EventLogByCorrelation1795800000001, RebuildJobs1795900000001];
export const READ_MODEL_ENTITIES = [UserView, OrderView, PaymentView, ProductView, EventLogEntry];

/** `read_model.rebuild_jobs` (RebuildJobs1795900000001): written by the consumers' rebuilds, read by systemStatus. */
export const REBUILD_JOBS_TABLE = `"${READ_MODEL_SCHEMA}"."rebuild_jobs"`;
/** A job whose heartbeat is older than this died with its process: shown as FAILED. */
export const REBUILD_HEARTBEAT_SECONDS = 60;
