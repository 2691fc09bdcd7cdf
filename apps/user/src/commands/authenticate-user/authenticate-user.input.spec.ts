import { CommandRejected } from '@app/commands';
import { parseAuthenticateUserInput } from './authenticate-user.input';

describe('parseAuthenticateUserInput', () => {
  it('normalises the email like registration does and keeps the password as typed', () => {
    expect(parseAuthenticateUserInput({ email: ' Ada@Example.com ', password: ' pw ', clientAddress: '203.0.113.9' })).toEqual({ email: 'ada@example.com', password: ' pw ', clientAddress: '203.0.113.9' });
  });

  it('lets a malformed email or a short password through, to be answered as any other miss', () => {
    expect(parseAuthenticateUserInput({ email: 'not-an-email', password: 'x' })).toEqual({ email: 'not-an-email', password: 'x', clientAddress: 'unknown' });
  });

  it.each([
    ['email', { password: 'whatever1' }],
    ['password', { email: 'ada@example.com' }],
    ['password', { email: 'ada@example.com', password: 'p'.repeat(1025) }],
  ])('refuses a missing or oversized %s as BAD_USER_INPUT naming it', (field, data) => {
    expect(() => parseAuthenticateUserInput(data)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
    expect(() => parseAuthenticateUserInput(data)).toThrow(CommandRejected);
  });
});
