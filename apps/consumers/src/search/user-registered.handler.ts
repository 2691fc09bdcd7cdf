import { Injectable } from '@nestjs/common';
import { errors } from '@elastic/elasticsearch';
import { ElasticsearchService } from '@nestjs/elasticsearch';
import { UserRegistered, type EventEnvelope } from '@app/events';
import type { EventHandler } from '../shared/event-handler';
import { USERS_ALIAS } from './search-indices';
import type { UserDocument } from './users-index.mapping';

/**
 * Indexes the user under the event's stream version as an external version: Elasticsearch keeps
 * a document only if its version is higher, so an older or repeated event never overwrites a
 * newer one. The write is outside the runtime's database transaction (which holds only the
 * processed_events row), and that is fine: repeating it is harmless, so a failure after it simply
 * retries it.
 */
@Injectable()
export class UserRegisteredHandler implements EventHandler<UserRegistered['payload']> {
  readonly eventType = UserRegistered.type;

  constructor(private readonly es: ElasticsearchService) {}

  async handle(event: EventEnvelope<UserRegistered['payload']>): Promise<void> {
    const { userId, email, name, role } = event.payload;
    const document: UserDocument = { id: userId, email, name, role, registeredAt: event.occurredAt };
    try {
      await this.es.index({ index: USERS_ALIAS, id: userId, document, version: event.streamVersion, version_type: 'external' });
    } catch (error) {
      // 409: the index already holds this version or a newer one, i.e. this event is applied.
      if (error instanceof errors.ResponseError && error.statusCode === 409) return;
      throw error;
    }
  }
}
