import { Query } from '@nestjs/cqrs';
import type { EventLogEntry } from '@app/read-model';
import type { Principal } from '../../auth/principal';

export class ListEventsQuery extends Query<EventLogEntry[]> {
  constructor(
    readonly principal: Principal | null,
    readonly streamId: string,
    readonly fromVersion: number | null,
  ) {
    super();
  }
}
