import { DeadLettersResolver } from './dead-letters/dead-letters.resolver';
import { SAGA_RESOLVERS } from './sagas/sagas.providers';
import { TRACE_RESOLVERS } from './trace/trace.providers';
import { SystemStatusResolver } from './system-status/system-status.resolver';
import { RebuildsResolver } from './rebuilds/rebuilds.resolver';

/** Also read by the schema-contract spec (through GATEWAY_RESOLVERS). */
export const ADMIN_RESOLVERS = [SystemStatusResolver, DeadLettersResolver, RebuildsResolver, ...SAGA_RESOLVERS, ...TRACE_RESOLVERS];
