import { randomUUID } from 'node:crypto';
import type { EventStore } from '@app/event-store';
import { RevokeTokensCommand } from './revoke-tokens.command';
import { RevokeTokensHandler } from './revoke-tokens.handler';

const userId = randomUUID();
const meta = { commandId: 'cmd-1', correlationId: 'corr-1' };
const storeWith = (versions: number[]) => {
  const append = jest.fn(async () => ({ streamId: `user-${userId}`, version: versions.length + 1, position: '42', duplicate: false }));
  const store = { readStream: jest.fn(async () => versions.map((streamVersion) => ({ streamVersion }))), append } as unknown as EventStore;
  return { store, append };
};
const run = (store: EventStore, issuedBy: RevokeTokensCommand['issuedBy'], target = userId) =>
  new RevokeTokensHandler(store).execute(new RevokeTokensCommand({ userId: target }, issuedBy, meta));

describe('RevokeTokensHandler', () => {
  it('appends UserTokensRevoked after the stream head for the user themself, with the command id as idempotency key', async () => {
    const { store, append } = storeWith([1]);

    await expect(run(store, { userId, role: 'CUSTOMER' })).resolves.toEqual({ aggregateId: userId, version: 2, position: '42' });
    expect(append).toHaveBeenCalledWith(
      `user-${userId}`,
      1,
      [expect.objectContaining({ type: 'UserTokensRevoked', payload: { userId, revokedBefore: expect.any(String) } })],
      expect.objectContaining({ idempotencyKey: 'cmd-1' }),
    );
  });

  it('lets an admin sign anyone out, refuses another customer (FORBIDDEN) and an anonymous caller, and answers NOT_FOUND for no such user', async () => {
    await expect(run(storeWith([1]).store, { userId: randomUUID(), role: 'ADMIN' })).resolves.toMatchObject({ aggregateId: userId });
    await expect(run(storeWith([1]).store, { userId: randomUUID(), role: 'CUSTOMER' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(run(storeWith([1]).store, null)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(run(storeWith([]).store, { userId, role: 'CUSTOMER' })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
  });
});
