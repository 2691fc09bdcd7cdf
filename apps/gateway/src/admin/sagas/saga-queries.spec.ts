import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal';
import { GetSagaHandler } from './get-saga/get-saga.handler';
import { GetSagaQuery } from './get-saga/get-saga.query';
import type { SagaFilter, SagaStateReader } from './saga-state.reader';
import { ListSagasHandler } from './list-sagas/list-sagas.handler';
import { type ListSagasArgs, ListSagasQuery } from './list-sagas/list-sagas.query';

const admin: Principal = { userId: randomUUID(), role: 'ADMIN', email: 'admin@example.com' };
const ann: Principal = { userId: randomUUID(), role: 'CUSTOMER', email: 'ann@example.com' };
const asked: SagaFilter[] = [];
const reader = { page: async (filter: SagaFilter) => (asked.push(filter), []), one: async () => null } as unknown as SagaStateReader;
const none: ListSagasArgs = { state: null, overdue: null, first: null, after: null };

const list = (principal: Principal | null, args: Partial<ListSagasArgs> = {}) =>
  new ListSagasHandler(reader).execute(new ListSagasQuery(principal, { ...none, ...args })).catch((error) => [error.code, error.field]);
const get = (principal: Principal | null, orderId: string) => new GetSagaHandler(reader).execute(new GetSagaQuery(principal, orderId)).catch((error) => error.code);

describe('the saga queries', () => {
  beforeEach(() => (asked.length = 0));

  it('are for admins only', async () => {
    expect(await list(null)).toEqual(['UNAUTHENTICATED', undefined]);
    expect(await list(ann)).toEqual(['FORBIDDEN', undefined]);
    expect(await get(ann, randomUUID())).toBe('FORBIDDEN');
    expect(asked).toEqual([]);
  });

  it('ask 20 sagas with no filter when nothing is given, explicit nulls included', async () => {
    expect(await list(admin)).toEqual([]);
    expect(asked).toEqual([{ first: 20 }]);
  });

  it('pass the filters and the cursor on', async () => {
    const after = randomUUID();
    await list(admin, { state: 'AWAITING_INVENTORY', overdue: false, first: 100, after });
    expect(asked).toEqual([{ state: 'AWAITING_INVENTORY', overdue: false, first: 100, after }]);
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'not-an-order-id' }, 'after'],
    [{ state: "CONFIRMED' OR true --" }, 'state'],
  ])('refuse %j as BAD_USER_INPUT on %s', async (args, field) => {
    expect(await list(admin, args)).toEqual(['BAD_USER_INPUT', field]);
    expect(asked).toEqual([]);
  });

  it('refuse an orderId that is no UUID before asking the order service', async () => {
    expect(await get(admin, 'nope')).toBe('BAD_USER_INPUT');
  });
});
