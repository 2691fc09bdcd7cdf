import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CONSUMER_RUNTIME } from '../shared/consumer-runtime';
import { AnalyticsController } from './analytics.controller';
import { DailySignups } from './entities/daily-signups.entity';
import { UserSignupFact } from './entities/user-signup-fact.entity';
import { ORDER_FACT_HANDLERS } from './orders';
import { RecordUserRegistered } from './user-registered.handler';

@Module({
  imports: [CONSUMER_RUNTIME, TypeOrmModule.forFeature([UserSignupFact, DailySignups])],
  controllers: [AnalyticsController],
  providers: [RecordUserRegistered, ...ORDER_FACT_HANDLERS],
})
export class AnalyticsModule {}
