import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import type { UserView } from '@app/read-model';
import { ApiError } from '../../errors/api-error';
import { UserViewReader } from '../user-view.reader';
import { GetUserQuery } from './get-user.query';

const uuid = z.uuid();

/**
 * Self or admin (API.graphql). An unknown id is null for an admin; a customer asking for any id
 * but their own is FORBIDDEN whether it exists or not, so customers cannot probe for ids.
 */
@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(private readonly users: UserViewReader) {}

  async execute({ principal, id }: GetUserQuery): Promise<UserView | null> {
    if (!principal) throw new ApiError('UNAUTHENTICATED', 'Sign in to read a user');
    if (principal.role !== 'ADMIN' && principal.userId !== id) throw new ApiError('FORBIDDEN', 'You may only read your own user');
    if (!uuid.safeParse(id).success) throw new ApiError('BAD_USER_INPUT', 'id must be a UUID', 'id');
    return this.users.findById(id);
  }
}
