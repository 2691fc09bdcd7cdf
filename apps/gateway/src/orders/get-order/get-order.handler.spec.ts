import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal';
import type { OrderViewReader } from '../order-view.reader';
import { GetOrderHandler } from './get-order.handler';
import { GetOrderQuery } from './get-order.query';

const ann: Principal = { userId: randomUUID(), role: 'CUSTOMER', email: 'ann@example.com' };
const bob: Principal = { userId: randomUUID(), role: 'CUSTOMER', email: 'bob@example.com' };
const admin: Principal = { userId: randomUUID(), role: 'ADMIN', email: 'admin@example.com' };
const order = { id: randomUUID(), userId: ann.userId, status: 'PENDING', version: 1 };
const reader = { findById: async (id: string) => (id === order.id ? order : null) } as unknown as OrderViewReader;

const run = (principal: Principal | null, id: string) => new GetOrderHandler(reader).execute(new GetOrderQuery(principal, id)).catch((error) => error.code);

describe('GetOrderHandler', () => {
  it('shows an order to its owner and to an admin', async () => {
    expect(await run(ann, order.id)).toBe(order);
    expect(await run(admin, order.id)).toBe(order);
  });

  it("forbids another customer's order", async () => {
    expect(await run(bob, order.id)).toBe('FORBIDDEN');
  });

  it('answers null for an id the read model does not have, to anyone signed in', async () => {
    expect(await run(admin, randomUUID())).toBeNull();
    expect(await run(bob, randomUUID())).toBeNull();
  });

  it('asks an anonymous caller to sign in, and refuses an id that is not a UUID', async () => {
    expect(await run(null, order.id)).toBe('UNAUTHENTICATED');
    expect(await run(ann, 'nope')).toBe('BAD_USER_INPUT');
  });
});
