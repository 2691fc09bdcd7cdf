import { CommandRejected } from '@app/commands';
import { parseRegisterUserInput } from './register-user.input';

const valid = { email: 'ada@example.com', name: 'Ada Lovelace', password: 'analytical-engine' };

const rejection = (data: unknown): CommandRejected => {
  try {
    parseRegisterUserInput(data);
  } catch (err) {
    if (err instanceof CommandRejected) return err;
    throw err;
  }
  throw new Error('expected a rejection');
};

describe('parseRegisterUserInput', () => {
  it('trims and lowercases the email and trims the name, but keeps the password as typed', () => {
    const input = parseRegisterUserInput({ email: '  Ada.Lovelace@Example.COM ', name: '  Ada  ', password: ' spaced pass ' });

    expect(input).toEqual({ email: 'ada.lovelace@example.com', name: 'Ada', password: ' spaced pass ', clientAddress: 'unknown' });
  });

  it('drops keys it does not know', () => {
    expect(parseRegisterUserInput({ ...valid, role: 'ADMIN', clientAddress: '203.0.113.9' })).toEqual({ ...valid, clientAddress: '203.0.113.9' });
  });

  it('accepts the bounds: a 200-character name and passwords of 8 and 1024 characters', () => {
    expect(() => parseRegisterUserInput({ ...valid, name: 'n'.repeat(200), password: 'p'.repeat(8) })).not.toThrow();
    expect(() => parseRegisterUserInput({ ...valid, password: 'p'.repeat(1024) })).not.toThrow();
  });

  it.each([
    ['email', 'missing', { name: valid.name, password: valid.password }],
    ['email', 'not a string', { ...valid, email: 42 }],
    ['email', 'without an at sign', { ...valid, email: 'ada.example.com' }],
    ['email', 'without a domain', { ...valid, email: 'ada@' }],
    ['email', 'with spaces inside', { ...valid, email: 'ada lovelace@example.com' }],
    ['email', 'too long', { ...valid, email: `${'a'.repeat(250)}@example.com` }],
    ['name', 'missing', { email: valid.email, password: valid.password }],
    ['name', 'empty', { ...valid, name: '' }],
    ['name', 'only spaces', { ...valid, name: '   ' }],
    ['name', 'longer than 200 characters', { ...valid, name: 'n'.repeat(201) }],
    ['password', 'missing', { email: valid.email, name: valid.name }],
    ['password', 'shorter than 8 characters', { ...valid, password: 'short7c' }],
    ['password', 'longer than 1024 characters', { ...valid, password: 'p'.repeat(1025) }],
    ['password', 'not a string', { ...valid, password: 12345678 }],
  ])('refuses a bad %s (%s) as BAD_USER_INPUT naming that field', (field, _case, data) => {
    const err = rejection(data);

    expect(err.toError()).toEqual({ code: 'BAD_USER_INPUT', message: expect.any(String), field });
  });

  it('reports the first field at fault when several are', () => {
    expect(rejection({ email: 'nope', name: '', password: 'x' }).field).toBe('email');
  });

  it('refuses data that is not an object, without a field', () => {
    expect(rejection('ada@example.com').toError()).toEqual({ code: 'BAD_USER_INPUT', message: 'command data must be an object' });
  });

  it('never echoes the password in its message', () => {
    expect(rejection({ ...valid, password: 'sh0rt' }).message).not.toContain('sh0rt');
  });
});
