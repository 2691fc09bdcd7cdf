import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConfigModule } from '@app/config';
import { DatabaseModule, SERVICE_ROLES } from '@app/database';
import { HealthModule } from '@app/health';
import { MetricsModule } from '@app/metrics';
import { TracingModule } from '@app/tracing';
import { READ_MODEL_SCHEMA } from '@app/read-model';
import { AdminModule } from './admin/admin.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { ConsoleModule } from './console/console.module';
import { GatewaySettingsModule } from './gateway-settings';
import { GatewayGraphQLModule } from './graphql/gateway-graphql.module';
import { LiveModule } from './live/live.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrdersModule } from './orders/orders.module';
import { ProductsModule } from './products/products.module';
import { SearchModule } from './search/search.module';
import { StoredEventsModule } from './stored-events/stored-events.module';
import { UsersModule } from './users/users.module';
import { CommandSecurityModule } from '@app/commands';

@Module({
  imports: [
    ConfigModule,
    CommandSecurityModule.forApp('gateway'),
    GatewaySettingsModule,
    // The gateway only reads the read models: the consumers app owns and migrates those schemas,
    // and the gateway's role may not write to them (no migrations, not even their table).
    DatabaseModule.forService({ schema: READ_MODEL_SCHEMA, role: SERVICE_ROLES.gateway }),
    HealthModule.register({ checks: ['kafka', 'postgres', 'elasticsearch'] }),
    MetricsModule,
    TracingModule,
    CqrsModule.forRoot(),
    GatewayGraphQLModule,
    UsersModule,
    OrdersModule,
    ProductsModule,
    StoredEventsModule,
    LiveModule,
    NotificationsModule,
    AnalyticsModule,
    AdminModule,
    ConsoleModule,
    SearchModule,
  ],
})
export class AppModule {}
