import { Module } from '@nestjs/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { HealthModule } from '@app/health';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forService({ schema: 'read_model', migrations: [] }),
    HealthModule.register({ checks: ['kafka', 'postgres', 'elasticsearch'] }),
  ],
})
export class AppModule {}
