import { Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ElasticsearchModule, ElasticsearchService } from '@nestjs/elasticsearch';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { SearchHandler } from './full-text-search/search.handler';
import { SEARCH_RESOLVERS } from './search.resolvers';

/** @nestjs/elasticsearch never closes its client, and its keep-alive sockets outlive the app. */
@Injectable()
class CloseSearchClient implements OnApplicationShutdown {
  constructor(private readonly es: ElasticsearchService) {}

  async onApplicationShutdown(): Promise<void> {
    await this.es.close();
  }
}

@Module({
  imports: [
    // A client of its own (HealthModule's closes on module destroy). A search is a user waiting:
    // a short timeout and one retry, then UNAVAILABLE, rather than a request hanging for 30 s.
    ElasticsearchModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ node: config.elasticsearchNode, requestTimeout: 5000, maxRetries: 1 }),
    }),
  ],
  providers: [...SEARCH_RESOLVERS, SearchHandler, CloseSearchClient],
})
export class SearchModule {}
