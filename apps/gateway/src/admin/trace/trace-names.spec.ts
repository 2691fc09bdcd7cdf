import { ALL_CONTRACTS } from '@app/events';
import { effectOf } from './effect-names';
import { COMMAND_OF_OUTCOME, commandName, SAGA_SENDS_ON, sagaCommands, serviceOfEvent } from './trace-names';

const types = new Set(ALL_CONTRACTS.map((c) => c.type));

describe('names in a trace', () => {
  it("names a command after its COMMANDS key, as API.graphql's examples do", () => {
    expect(commandName('createOrder')).toBe('CreateOrder');
    expect(commandName('processPayment')).toBe('ProcessPayment');
  });

  it('knows commands only by outcomes that are published events', () => {
    expect(Object.keys(COMMAND_OF_OUTCOME).filter((type) => !types.has(type))).toEqual([]);
  });

  it("hangs every command the saga alone sends under an event it reacts to: a new one needs a rule (or it becomes a second root)", () => {
    expect(sagaCommands().sort()).toEqual(Object.keys(SAGA_SENDS_ON).sort());
    expect(Object.values(SAGA_SENDS_ON).filter((type) => !types.has(type!))).toEqual([]);
  });

  it("gives each event the service of its contract's topic, and a stranger its stream's aggregate", () => {
    expect(serviceOfEvent('OrderCreated', 'order-1')).toBe('order');
    expect(serviceOfEvent('InventoryReserved', 'reservation-1')).toBe('inventory');
    expect(serviceOfEvent('PaymentProcessed', 'payment-1')).toBe('payment');
    expect(serviceOfEvent('NotificationCreated', 'notification-1')).toBe('notifications');
    expect(serviceOfEvent('UserRegistered', 'user-1')).toBe('user');
    expect(serviceOfEvent('ParcelShipped', 'parcel-1')).toBe('parcel');
    expect(serviceOfEvent('ParcelShipped', 'nostream')).toBe('unknown');
  });

  it('names an effect after where its consumer keeps the aggregate, else after the consumer', () => {
    expect(effectOf('projections', 'order')).toEqual({ name: 'order_view', service: 'projections' });
    expect(effectOf('projections', 'reservation')).toEqual({ name: 'event_log', service: 'projections' });
    expect(effectOf('search', 'order')).toEqual({ name: 'orders index', service: 'search' });
    expect(effectOf('search', 'reservation')).toEqual({ name: 'search', service: 'search' });
    expect(effectOf('order-saga-payments', 'payment')).toEqual({ name: 'order saga', service: 'order' });
    expect(effectOf('order-saga', 'reservation')).toEqual({ name: 'order saga', service: 'order' });
    expect(effectOf('a-test-counter', 'order')).toEqual({ name: 'a-test-counter', service: 'a-test-counter' });
    expect(effectOf('projections', undefined)).toEqual({ name: 'event_log', service: 'projections' });
  });
});
