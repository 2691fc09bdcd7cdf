import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requireAdmin } from '../../auth/require-principal';
import { ConsumerGroupsReader } from '../consumer-groups.reader';
import type { SystemStatusModel } from '../models/system-status.model';
import { RebuildJobsReader } from '../rebuilds/rebuild-jobs.reader';
import { RelayStatusReader } from '../relay-status.reader';
import { SystemStatusQuery } from './system-status.query';

/** Admin only: consumer groups, relays and rebuild jobs at a glance. */
@QueryHandler(SystemStatusQuery)
export class SystemStatusHandler implements IQueryHandler<SystemStatusQuery> {
  constructor(
    private readonly groups: ConsumerGroupsReader,
    private readonly relays: RelayStatusReader,
    private readonly rebuilds: RebuildJobsReader,
  ) {}

  async execute({ principal }: SystemStatusQuery): Promise<SystemStatusModel> {
    requireAdmin(principal, 'read the system status');
    const [groups, relays, rebuilds] = await Promise.all([this.groups.groups(), this.relays.relays(), this.rebuilds.latest()]);
    return { groups, relays, rebuilds };
  }
}
