import { Module } from '@nestjs/common';
import { OrdersModule } from '../orders/orders.module';
import { LiveEvents } from './live-events';
import { LIVE_TOPIC_NAMES, LIVE_TOPICS, LiveEventsBridge } from './live-events.bridge';
import { LIVE_RESOLVERS } from './live.resolvers';
import { OrderAtVersion } from './order-status/order-at-version';
import { OrderStatusFeed } from './order-status/order-status-feed';

/** Subscriptions (graphql-ws, see graphql/subscriptions.ts): Kafka events pushed to connected clients. */
@Module({
  imports: [OrdersModule],
  providers: [{ provide: LIVE_TOPICS, useValue: LIVE_TOPIC_NAMES }, LiveEvents, LiveEventsBridge, OrderAtVersion, OrderStatusFeed, ...LIVE_RESOLVERS],
})
export class LiveModule {}
