import { randomUUID } from 'node:crypto';
import { ALL_CONTRACTS, type EventClass, ORDER_SAGA_REACTS_TO } from '@app/events';
import { commandsFor, OrderFulfilmentSaga } from './order-fulfilment.saga';
import { withCause } from './received-event';

const saga = new OrderFulfilmentSaga();
const cause = { eventId: randomUUID(), correlationId: randomUUID(), userId: null };
// Enough of every payload for any step of the saga to run on it.
const payload = { orderId: randomUUID(), paymentId: randomUUID(), lines: [], totalCents: 1, amountCents: 1, reason: 'DECLINED', message: 'm' };
const stepsFor = (contract: EventClass<any>) => commandsFor(saga, withCause(new contract(payload), cause));

/** libs/events' list is what the gateway shows as a saga's history: it must be what the saga reacts to. */
describe('ORDER_SAGA_REACTS_TO', () => {
  it.each(ORDER_SAGA_REACTS_TO.map((c) => [c.type, c]))('names %s, which the saga answers with commands', async (_, contract) => {
    expect((await stepsFor(contract)).length).toBeGreaterThan(0);
  });

  const others = ALL_CONTRACTS.filter((c) => !ORDER_SAGA_REACTS_TO.includes(c));
  it.each(others.map((c) => [`${c.type} v${c.version}`, c]))('leaves out %s, which the saga ignores', async (_, contract) => {
    expect(await stepsFor(contract)).toEqual([]);
  });
});
