import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserView } from '@app/read-model';
import { CONSUMER_RUNTIME } from '../shared/consumer-runtime';
import { ProjectionsController } from './projections.controller';
import { UserRegisteredProjection } from './user-registered.projection';

@Module({
  imports: [CONSUMER_RUNTIME, TypeOrmModule.forFeature([UserView])],
  controllers: [ProjectionsController],
  providers: [UserRegisteredProjection],
})
export class ProjectionsModule {}
