import { randomUUID } from 'node:crypto';
import type { CommandMessage } from '@app/commands';
import { signedIn } from './signed-in';

const message = (issuedBy: CommandMessage['issuedBy']): CommandMessage => ({ commandId: 'c', correlationId: 'c', issuedBy, data: {} });

describe('signedIn', () => {
  it('returns the issuer of a signed-in command', () => {
    const issuedBy = { userId: randomUUID(), role: 'CUSTOMER' as const };
    expect(signedIn(message(issuedBy))).toBe(issuedBy);
  });

  it.each([
    ['anonymous', null],
    ['not a user id', { userId: 'admin', role: 'ADMIN' as const }],
  ])('refuses a command that is %s as UNAUTHENTICATED', (_case, issuedBy) => {
    expect(() => signedIn(message(issuedBy))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});
