import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ConfigModule } from '@app/config';
import { DatabaseModule, SERVICE_ROLES } from '@app/database';
import { EVENT_STORE_MIGRATIONS, EventStoreModule } from '@app/event-store';
import { HealthModule } from '@app/health';
import { MetricsModule } from '@app/metrics';
import { TracingModule } from '@app/tracing';
import { PaymentCommandsController } from './commands/payment-commands.controller';
import { ProcessPaymentHandler } from './commands/process-payment/process-payment.handler';
import { RefundPaymentHandler } from './commands/refund-payment/refund-payment.handler';
import { CreatePayments1764700000000 } from './migrations/1764700000000-create-payments';
import { Refunds1795400000000 } from './migrations/1795400000000-refunds';
import { LocalProviderCharges1795400000001 } from './migrations/1795400000001-local-provider-charges';
import { paymentSettingsProvider } from './payment-settings';
import { PaymentLedger } from './payments/payment-ledger';
import { PaymentReconciler } from './payments/payment-reconciler';
import { PaymentsRepository } from './payments/payments.repository';
import { LocalChargeRecords, PgLocalChargeRecords } from './provider/local-charge-records';
import { LocalPaymentProvider } from './provider/local-payment-provider';
import { PaymentProvider } from './provider/payment-provider';
import { PAYMENT_SCHEMA } from './schema';
import { CommandSecurityModule } from '@app/commands';

const CommandHandlers = [ProcessPaymentHandler, RefundPaymentHandler];

@Module({
  imports: [
    ConfigModule,
    CommandSecurityModule.forApp('payment'),
    CqrsModule.forRoot(),
    DatabaseModule.forService({ schema: PAYMENT_SCHEMA, role: SERVICE_ROLES.payment, migrations: [...EVENT_STORE_MIGRATIONS, CreatePayments1764700000000, Refunds1795400000000, LocalProviderCharges1795400000001] }),
    EventStoreModule.forService({ schema: PAYMENT_SCHEMA, role: SERVICE_ROLES.payment }),
    HealthModule.register({ checks: ['kafka', 'postgres'] }),
    MetricsModule,
    TracingModule,
  ],
  controllers: [PaymentCommandsController],
  providers: [
    ...CommandHandlers,
    PaymentsRepository,
    PaymentLedger,
    PaymentReconciler,
    paymentSettingsProvider,
    // The only adapter so far: a real processor's adapter replaces it here, behind the same port.
    { provide: PaymentProvider, useClass: LocalPaymentProvider },
    { provide: LocalChargeRecords, useClass: PgLocalChargeRecords },
  ],
})
export class AppModule {}
