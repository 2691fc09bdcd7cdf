import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { errors } from '@elastic/elasticsearch';
import { ElasticsearchService } from '@nestjs/elasticsearch';
import { SEARCH_INDEX_SETTINGS, SEARCH_INDICES, type SearchIndex } from './search-indices';

const alreadyExists = (error: unknown) => error instanceof errors.ResponseError && error.body?.error?.type === 'resource_already_exists_exception';

/**
 * Creates each alias and its index when missing, before any consumer starts (app.init() runs
 * this; startConsumers starts the servers after it). Once an alias exists it is not recreated
 * (after a reindex it points at a newer index); it only gains the mapping's new fields.
 */
@Injectable()
export class SearchIndexLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Search');

  constructor(private readonly es: ElasticsearchService) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const index of SEARCH_INDICES) await this.ensure(index);
  }

  private async ensure({ alias, index, mappings }: SearchIndex): Promise<void> {
    // Mappings only ever gain fields, which Elasticsearch takes on a live index: an index made by
    // an older release learns the new ones before anything writes them (strict mappings refuse
    // unknown fields). A changed field type needs a reindex instead, and fails here, loudly.
    if (await this.es.indices.existsAlias({ name: alias })) return void (await this.es.indices.putMapping({ index: alias, ...mappings }));
    try {
      // Index and alias in one request: nobody ever sees the index without its alias.
      await this.es.indices.create({ index, settings: SEARCH_INDEX_SETTINGS, mappings, aliases: { [alias]: {} } });
      this.log.log(`created index ${index} behind alias ${alias}`);
    } catch (error) {
      // Another replica (or a test) created it first; make sure the alias is there too.
      if (!alreadyExists(error)) throw error;
      await this.es.indices.putAlias({ index, name: alias });
    }
  }

  // After Nest has stopped the consumers (dispose runs before shutdown hooks), so no handler is
  // still writing. @nestjs/elasticsearch never closes its client, and its sockets outlive the app.
  async onApplicationShutdown(): Promise<void> {
    await this.es.close();
  }
}
