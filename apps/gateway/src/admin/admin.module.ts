import { Module } from '@nestjs/common';
import { ADMIN_RESOLVERS } from './admin.resolvers';
import { ConsumerGroupsReader } from './consumer-groups.reader';
import { RelayStatusReader } from './relay-status.reader';
import { SystemStatusHandler } from './system-status/system-status.handler';

/** The operator's view (issue 12): what the broker and the event stores say, admin only. */
@Module({
  providers: [...ADMIN_RESOLVERS, SystemStatusHandler, ConsumerGroupsReader, RelayStatusReader],
})
export class AdminModule {}
