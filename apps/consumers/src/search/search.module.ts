import { Module } from '@nestjs/common';
import { ElasticsearchModule } from '@nestjs/elasticsearch';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { CONSUMER_RUNTIME } from '../shared/consumer-runtime';
import { OrderAwaitingPaymentHandler } from './order-awaiting-payment.handler';
import { OrderCancelledHandler } from './order-cancelled.handler';
import { OrderConfirmedHandler } from './order-confirmed.handler';
import { OrderCreatedHandler } from './order-created.handler';
import { OrderDocumentWriter } from './order-document.writer';
import { ProductAddedHandler } from './product-added.handler';
import { ProductNames } from './product-names';
import { SearchIndexLifecycle } from './search-index.lifecycle';
import { SearchController } from './search.controller';
import { SearchRequests } from './search-requests';
import { UserRegisteredHandler } from './user-registered.handler';

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
    UserRegisteredHandler,
    ProductAddedHandler,
    SearchRequests,
    ProductNames,
    OrderDocumentWriter,
    OrderCreatedHandler,
    OrderAwaitingPaymentHandler,
    OrderConfirmedHandler,
    OrderCancelledHandler,
  ],
})
export class SearchModule {}
