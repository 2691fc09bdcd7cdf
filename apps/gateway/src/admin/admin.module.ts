import { Module } from '@nestjs/common';
import { CommandClientModule } from '../command-client/command-client.module';
import { DeadLettersReader } from './dead-letters/dead-letters.reader';
import { ListDeadLettersHandler } from './dead-letters/list-dead-letters/list-dead-letters.handler';
import { SettleDeadLettersHandler } from './dead-letters/settle-dead-letters/settle-dead-letters.handler';
import { ADMIN_RESOLVERS } from './admin.resolvers';
import { ConsumerGroupsReader } from './consumer-groups.reader';
import { RelayStatusReader } from './relay-status.reader';
import { SAGA_IMPORTS, SAGA_PROVIDERS } from './sagas/sagas.providers';
import { SystemStatusHandler } from './system-status/system-status.handler';
import { RebuildJobsReader } from './rebuilds/rebuild-jobs.reader';
import { RebuildProjectionHandler } from './rebuilds/rebuild-projection.handler';
import { TRACE_IMPORTS, TRACE_PROVIDERS } from './trace/trace.providers';

/** The operator's view (issue 12): what the broker and the event stores say, admin only. */
@Module({
  imports: [CommandClientModule, ...SAGA_IMPORTS, ...TRACE_IMPORTS],
  providers: [...ADMIN_RESOLVERS, SystemStatusHandler, ConsumerGroupsReader, RelayStatusReader, DeadLettersReader, ListDeadLettersHandler, SettleDeadLettersHandler, RebuildJobsReader, RebuildProjectionHandler, ...SAGA_PROVIDERS, ...TRACE_PROVIDERS],
})
export class AdminModule {}
