import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requireAdmin } from '../../../auth/require-principal';
import type { DeadLetterConnectionModel } from '../../models/dead-letter.model';
import { DeadLettersReader } from '../dead-letters.reader';
import { ListDeadLettersQuery } from './list-dead-letters.query';

/** Admin only: one group's dead letters not yet redriven or discarded, oldest first. */
@QueryHandler(ListDeadLettersQuery)
export class ListDeadLettersHandler implements IQueryHandler<ListDeadLettersQuery> {
  constructor(private readonly reader: DeadLettersReader) {}

  execute({ principal, group, first, after }: ListDeadLettersQuery): Promise<DeadLetterConnectionModel> {
    requireAdmin(principal, 'read dead letters');
    return this.reader.page(group, first, after);
  }
}
