import { OrdersModule } from '../../orders/orders.module';
import { StoredEventsModule } from '../../stored-events/stored-events.module';
import { GetSagaHandler } from './get-saga/get-saga.handler';
import { GetSagaResolver } from './get-saga/get-saga.resolver';
import { ListSagasHandler } from './list-sagas/list-sagas.handler';
import { ListSagasResolver } from './list-sagas/list-sagas.resolver';
import { SagaHistoryLoaders } from './saga-history.loader';
import { SagaHistoryResolver } from './saga-history.resolver';
import { SagaStateReader } from './saga-state.reader';

/** `saga(orderId)`, `sagas(...)` and `SagaState.history`: for ADMIN_RESOLVERS (and so the schema-contract spec). */
export const SAGA_RESOLVERS = [GetSagaResolver, ListSagasResolver, SagaHistoryResolver];

export const SAGA_PROVIDERS = [GetSagaHandler, ListSagasHandler, SagaStateReader, SagaHistoryLoaders];

/** What the providers need from elsewhere: the event log (history) and the payment view (payment streams). */
export const SAGA_IMPORTS = [StoredEventsModule, OrdersModule];
