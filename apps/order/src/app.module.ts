import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { EVENT_STORE_MIGRATIONS, EventStoreModule } from '@app/event-store';
import { HealthModule } from '@app/health';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forService({ schema: 'orders', migrations: EVENT_STORE_MIGRATIONS }),
    EventStoreModule.forService({ schema: 'orders' }),
    HealthModule.register({ checks: ['kafka', 'postgres'] }),
  ],
})
export class AppModule {}
