import { Module } from '@nestjs/common';
import { ElasticsearchModule } from '@nestjs/elasticsearch';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { CONSUMER_RUNTIME } from '../shared/consumer-runtime';
import { IndexOrderAwaitingPayment } from './order-awaiting-payment.handler';
import { IndexOrderCancelled } from './order-cancelled.handler';
import { IndexOrderConfirmed } from './order-confirmed.handler';
import { IndexOrderCreated } from './order-created.handler';
import { OrderDocumentWriter } from './order-document.writer';
import { ProductAddedHandler } from './product-added.handler';
import { ProductNames } from './product-names';
import { SearchIndexLifecycle } from './search-index.lifecycle';
import { SearchController } from './search.controller';
import { SearchRequests } from './search-requests';
import { IndexUserRegistered } from './user-registered.handler';

@Module({
  imports: [
    CONSUMER_RUNTIME,
    // A client of its own (HealthModule's has a short timeout and closes earlier, on module destroy).
    ElasticsearchModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ node: config.elasticsearchNode, requestTimeout: 30_000 }),
    }),
  ],
  controllers: [SearchController],
  providers: [
    SearchIndexLifecycle,
    IndexUserRegistered,
    ProductAddedHandler,
    SearchRequests,
    ProductNames,
    OrderDocumentWriter,
    IndexOrderCreated,
    IndexOrderAwaitingPayment,
    IndexOrderConfirmed,
    IndexOrderCancelled,
  ],
})
export class SearchModule {}
