import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventLogEntry, OrderView, PaymentView, UserView } from '@app/read-model';
import { CONSUMER_RUNTIME } from '../shared/consumer-runtime';
import { OrderAwaitingPaymentProjection } from './order-awaiting-payment.projection';
import { OrderCancelledProjection } from './order-cancelled.projection';
import { OrderConfirmedProjection } from './order-confirmed.projection';
import { OrderCreatedProjection } from './order-created.projection';
import { PaymentFailedProjection } from './payment-failed.projection';
import { PaymentProcessedProjection } from './payment-processed.projection';
import { PaymentRefundedProjection } from './payment-refunded.projection';
import { ProjectionsController } from './projections.controller';
import { UserRegisteredProjection } from './user-registered.projection';
import { UserTokensRevokedProjection } from './user-tokens-revoked.projection';

const PROJECTION_HANDLERS = [
  UserRegisteredProjection,
  UserTokensRevokedProjection,
  OrderCreatedProjection,
  OrderAwaitingPaymentProjection,
  OrderConfirmedProjection,
  OrderCancelledProjection,
  PaymentProcessedProjection,
  PaymentFailedProjection,
  PaymentRefundedProjection,
];

@Module({
  // forFeature registers the entities with the DataSource (autoLoadEntities); projections write
  // through the runtime transaction's EntityManager, not through repositories.
  imports: [CONSUMER_RUNTIME, TypeOrmModule.forFeature([UserView, OrderView, PaymentView, EventLogEntry])],
  controllers: [ProjectionsController],
  providers: PROJECTION_HANDLERS,
})
export class ProjectionsModule {}
