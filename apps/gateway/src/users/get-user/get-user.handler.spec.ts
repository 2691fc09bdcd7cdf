import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal';
import type { UserViewReader } from '../user-view.reader';
import { GetUserHandler } from './get-user.handler';
import { GetUserQuery } from './get-user.query';

const ann = { id: randomUUID(), email: 'ann@example.com', name: 'Ann', role: 'CUSTOMER' as const, registeredAt: new Date(), version: 1 };
const reader = { findById: async (id: string) => (id === ann.id ? ann : null) } as unknown as UserViewReader;
const handler = new GetUserHandler(reader);
const customer: Principal = { userId: ann.id, role: 'CUSTOMER', email: ann.email };
const admin: Principal = { userId: randomUUID(), role: 'ADMIN', email: 'admin@example.com' };

const run = (principal: Principal | null, id: string) => handler.execute(new GetUserQuery(principal, id)).catch((error) => error.code);

describe('GetUserHandler', () => {
  it('lets a customer read themselves', async () => {
    expect(await run(customer, ann.id)).toBe(ann);
  });

  it('forbids a customer any other id, known or not', async () => {
    expect(await run(customer, randomUUID())).toBe('FORBIDDEN');
    expect(await run({ ...customer, userId: randomUUID() }, ann.id)).toBe('FORBIDDEN');
  });

  it('lets an admin read anyone, with null for an unknown id', async () => {
    expect(await run(admin, ann.id)).toBe(ann);
    expect(await run(admin, randomUUID())).toBeNull();
  });

  it('asks an anonymous caller to sign in, and refuses an id that is not a UUID', async () => {
    expect(await run(null, ann.id)).toBe('UNAUTHENTICATED');
    expect(await run(admin, 'nope')).toBe('BAD_USER_INPUT');
  });
});
