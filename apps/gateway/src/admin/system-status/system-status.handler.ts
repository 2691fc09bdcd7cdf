import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requireAdmin } from '../../auth/require-principal';
import { ConsumerGroupsReader } from '../consumer-groups.reader';
import type { SystemStatusModel } from '../models/system-status.model';
import { RelayStatusReader } from '../relay-status.reader';
import { SystemStatusQuery } from './system-status.query';

/** Admin only: consumer groups and relays at a glance (rebuilds are not built yet: always none). */
@QueryHandler(SystemStatusQuery)
export class SystemStatusHandler implements IQueryHandler<SystemStatusQuery> {
  constructor(
    private readonly groups: ConsumerGroupsReader,
    private readonly relays: RelayStatusReader,
  ) {}

  async execute({ principal }: SystemStatusQuery): Promise<SystemStatusModel> {
    requireAdmin(principal, 'read the system status');
    const [groups, relays] = await Promise.all([this.groups.groups(), this.relays.relays()]);
    return { groups, relays, rebuilds: [] };
  }
}
