import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { UserView } from '@app/read-model';

/** Reads `read_model.user_view`, which the consumers app projects from UserRegistered. */
@Injectable()
export class UserViewReader {
  constructor(@InjectRepository(UserView) private readonly users: Repository<UserView>) {}

  /** `id` must be a UUID (the column's type): callers validate input ids first. */
  findById(id: string): Promise<UserView | null> {
    return this.users.findOneBy({ id });
  }

  /**
   * Polls until the projection shows the user, or null once `timeoutMs` has passed. The read
   * model is eventually consistent: a user just registered is there a few ms to seconds later.
   */
  async waitForUser(id: string, timeoutMs: number): Promise<UserView | null> {
    const deadline = Date.now() + timeoutMs;
    for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
      const user = await this.findById(id);
      if (user || Date.now() >= deadline) return user;
      await sleep(Math.min(delay, Math.max(deadline - Date.now(), 0)));
    }
  }
}
