import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { readModelChangeKey, UserView } from '@app/read-model';
import { ReadModelChanges } from '../shared/read-model-changes';

@Injectable()
export class UserViewReader {
  constructor(
    @InjectRepository(UserView) private readonly users: Repository<UserView>,
    private readonly changes: ReadModelChanges,
  ) {}

  /** `id` must be a UUID (the column's type): callers validate input ids first. */
  findById(id: string): Promise<UserView | null> {
    return this.users.findOneBy({ id });
  }

  /**
   * The user once the projection shows it, or null once `timeoutMs` has passed. The read model
   * is eventually consistent: a user just registered is there a few ms to seconds later.
   */
  waitForUser(id: string, timeoutMs: number): Promise<UserView | null> {
    return this.changes.waitUntil(readModelChangeKey('user_view', id), () => this.findById(id), timeoutMs);
  }
}
