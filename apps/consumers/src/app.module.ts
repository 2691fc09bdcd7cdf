import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { EVENT_STORE_MIGRATIONS } from '@app/event-store';
import { HealthModule } from '@app/health';
import { CONSUMER_MIGRATIONS } from '@app/messaging';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forService({ schema: 'inventory', migrations: [...EVENT_STORE_MIGRATIONS, ...CONSUMER_MIGRATIONS] }),
    HealthModule.register({ checks: ['kafka', 'postgres', 'elasticsearch', 'smtp'] }),
  ],
})
export class AppModule {}
