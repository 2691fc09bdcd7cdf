import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConfigModule } from '@app/config';
import { DatabaseModule, SERVICE_ROLES } from '@app/database';
import { EVENT_STORE_MIGRATIONS } from '@app/event-store';
import { HealthModule } from '@app/health';
import { MetricsModule } from '@app/metrics';
import { TracingModule } from '@app/tracing';
import { CONSUMER_MIGRATIONS } from '@app/messaging';
import { READ_MODEL_MIGRATIONS } from '@app/read-model';
import { AnalyticsModule } from './analytics/analytics.module';
import { ANALYTICS_MIGRATIONS } from './analytics/migrations';
import { InventoryModule } from './inventory/inventory.module';
import { INVENTORY_SCHEMA } from './inventory/inventory.schema';
import { INVENTORY_MIGRATIONS } from './inventory/migrations';
import { NOTIFICATIONS_MIGRATIONS } from './notifications/migrations';
import { NotificationsModule } from './notifications/notifications.module';
import { ProjectionsModule } from './projections/projections.module';
import { SearchModule } from './search/search.module';
import { CONSUMER_RUNTIME } from './shared/consumer-runtime';
import { CommandSecurityModule, DeadLettersController } from '@app/commands';
import { RebuildController } from './rebuild/rebuild.controller';

@Module({
  imports: [
    ConfigModule,
    CommandSecurityModule.forApp('consumers'),
    // One migrations table (schema inventory) for everything this app owns: the inventory event
    // store and stock, processed_events, and the read_model, notifications and analytics schemas.
    DatabaseModule.forService({
      schema: INVENTORY_SCHEMA,
      role: SERVICE_ROLES.consumers,
      migrations: [
        ...EVENT_STORE_MIGRATIONS,
        ...CONSUMER_MIGRATIONS,
        ...READ_MODEL_MIGRATIONS,
        ...NOTIFICATIONS_MIGRATIONS,
        ...ANALYTICS_MIGRATIONS,
        ...INVENTORY_MIGRATIONS,
      ],
    }),
    CqrsModule.forRoot(),
    CONSUMER_RUNTIME,
    HealthModule.register({ checks: ['kafka', 'postgres', 'elasticsearch', 'smtp'] }),
    MetricsModule,
    TracingModule,
    ProjectionsModule,
    NotificationsModule,
    AnalyticsModule,
    SearchModule,
    // Also the inventory's event store and its relay (to inventory.events).
    InventoryModule,
  ],
  controllers: [DeadLettersController('consumers'), RebuildController],
})
export class AppModule {}
