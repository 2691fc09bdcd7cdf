import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { errors } from '@elastic/elasticsearch';
import { ElasticsearchService } from '@nestjs/elasticsearch';
import { USERS_ALIAS, USERS_INDEX } from './search-indices';
import { USERS_INDEX_MAPPINGS, USERS_INDEX_SETTINGS } from './users-index.mapping';

const alreadyExists = (error: unknown) => error instanceof errors.ResponseError && error.body?.error?.type === 'resource_already_exists_exception';

/**
 * Creates the `users` alias and its index when missing, before any consumer starts (app.init()
 * runs this; startConsumers starts the servers after it). Once the alias exists it is left alone:
 * after a reindex it points at a newer index, which must not be recreated here.
 */
@Injectable()
export class SearchIndexLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Search');

  constructor(private readonly es: ElasticsearchService) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.es.indices.existsAlias({ name: USERS_ALIAS })) return;
    try {
      // Index and alias in one request: nobody ever sees the index without its alias.
      await this.es.indices.create({ index: USERS_INDEX, settings: USERS_INDEX_SETTINGS, mappings: USERS_INDEX_MAPPINGS, aliases: { [USERS_ALIAS]: {} } });
      this.log.log(`created index ${USERS_INDEX} behind alias ${USERS_ALIAS}`);
    } catch (error) {
      // Another replica (or a test) created it first; make sure the alias is there too.
      if (!alreadyExists(error)) throw error;
      await this.es.indices.putAlias({ index: USERS_INDEX, name: USERS_ALIAS });
    }
  }

  // After Nest has stopped the consumers (dispose runs before shutdown hooks), so no handler is
  // still writing. @nestjs/elasticsearch never closes its client, and its sockets outlive the app.
  async onApplicationShutdown(): Promise<void> {
    await this.es.close();
  }
}
