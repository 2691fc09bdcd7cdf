import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, ConfigModule } from '@app/config';
import { DatabaseModule, SERVICE_ROLES } from '@app/database';
import { EVENT_STORE_MIGRATIONS, EventStoreModule } from '@app/event-store';
import { EVENT_REGISTRY } from '@app/events';
import { HealthModule } from '@app/health';
import { MetricsModule } from '@app/metrics';
import { TracingModule } from '@app/tracing';
import { CONSUMER_MIGRATIONS, ConsumerRuntimeModule } from '@app/messaging';
import { CancelOrderHandler } from './commands/cancel-order/cancel-order.handler';
import { ConfirmOrderHandler } from './commands/confirm-order/confirm-order.handler';
import { CreateOrderHandler } from './commands/create-order/create-order.handler';
import { ForgetPaymentTokenHandler } from './commands/forget-payment-token/forget-payment-token.handler';
import { MarkOrderAwaitingPaymentHandler } from './commands/mark-order-awaiting-payment/mark-order-awaiting-payment.handler';
import { OrderCommandsController } from './commands/order-commands.controller';
import { RecordRefundHandler } from './commands/record-refund/record-refund.handler';
import { RequestPaymentHandler } from './commands/request-payment/request-payment.handler';
import { RequestRefundHandler } from './commands/request-refund/request-refund.handler';
import { OrderRepository } from './domain/order.repository';
import { CreateOrderTables1764500000000 } from './migrations/1764500000000-create-order-tables';
import { DeadlinesFromCreation1795400000000 } from './migrations/1795400000000-deadlines-from-creation';
import { orderSettingsProvider } from './order-settings';
import { createPaymentTransport, PAYMENT_TRANSPORT, PaymentClient } from './payment/payment-client';
import { OrderRequests } from './persistence/order-requests';
import { PaymentTokens } from './persistence/payment-tokens';
import { OrderSagaEntity } from './sagas/order-saga.entity';
import { OrderSagaController } from './sagas/order-saga.controller';
import { OrderSagaRepository } from './sagas/order-saga.repository';
import { OrderDeadlineScheduler } from './sagas/order-deadline.scheduler';
import { SagaGauges } from './sagas/saga-gauges';
import { ORDER_SCHEMA } from './schema';
import { CommandSecurityModule, DeadLettersController } from '@app/commands';
import { OpenOrdersPerCustomer1795500000000 } from './migrations/1795500000000-open-orders-per-customer';
import { SagaStatesForAdmins1795700000000 } from './migrations/1795700000000-saga-states-for-admins';
import { SagaFunctionsSearchPath1795900000004 } from './migrations/1795900000004-saga-functions-search-path';

const CommandHandlers = [
  CreateOrderHandler,
  CancelOrderHandler,
  MarkOrderAwaitingPaymentHandler,
  ConfirmOrderHandler,
  RequestPaymentHandler,
  RequestRefundHandler,
  RecordRefundHandler,
  ForgetPaymentTokenHandler,
];

/**
 * The order service: createOrder/cancelOrder over Kafka request/reply, and the order-fulfilment
 * saga. Its servers are connected by startOrderService (main.ts, e2e tests).
 */
@Module({
  imports: [
    ConfigModule,
    CommandSecurityModule.forApp('order'),
    CqrsModule.forRoot(),
    DatabaseModule.forService({ schema: ORDER_SCHEMA, role: SERVICE_ROLES.order, migrations: [...EVENT_STORE_MIGRATIONS, ...CONSUMER_MIGRATIONS, CreateOrderTables1764500000000, DeadlinesFromCreation1795400000000, OpenOrdersPerCustomer1795500000000, SagaStatesForAdmins1795700000000, SagaFunctionsSearchPath1795900000004] }),
    TypeOrmModule.forFeature([OrderSagaEntity]),
    EventStoreModule.forService({ schema: ORDER_SCHEMA, role: SERVICE_ROLES.order }),
    ConsumerRuntimeModule.forRoot({ registry: EVENT_REGISTRY }),
    HealthModule.register({ checks: ['kafka', 'postgres'] }),
    MetricsModule,
    TracingModule,
  ],
  controllers: [OrderCommandsController, OrderSagaController, DeadLettersController('order')],
  providers: [
    ...CommandHandlers,
    orderSettingsProvider,
    OrderRepository,
    OrderRequests,
    PaymentTokens,
    OrderSagaRepository,
    { provide: PAYMENT_TRANSPORT, inject: [APP_CONFIG], useFactory: createPaymentTransport },
    PaymentClient,
    OrderDeadlineScheduler,
    SagaGauges,
  ],
})
export class AppModule {}
