import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { UserView } from '@app/read-model';
import { UserViewReader } from '../user-view.reader';
import { MeQuery } from './me.query';

@QueryHandler(MeQuery)
export class MeHandler implements IQueryHandler<MeQuery> {
  constructor(private readonly users: UserViewReader) {}

  async execute({ principal }: MeQuery): Promise<UserView | null> {
    return principal ? this.users.findById(principal.userId) : null;
  }
}
