import { MalformedPasswordHash, PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('verifies the password it hashed and refuses another one', async () => {
    const stored = await hasher.hash('correct horse battery staple');

    await expect(hasher.verify('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(hasher.verify('correct horse battery stapl', stored)).resolves.toBe(false);
  });

  it('stores scrypt$N$r$p$salt$hash with the default parameters and never the password', async () => {
    const stored = await hasher.hash('s3cret-password');

    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(Buffer.from(stored.split('$')[4], 'base64')).toHaveLength(16);
    expect(Buffer.from(stored.split('$')[5], 'base64')).toHaveLength(64);
    expect(stored).not.toContain('s3cret');
  });

  it('salts every hash differently', async () => {
    const [a, b] = await Promise.all([hasher.hash('same password'), hasher.hash('same password')]);

    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(a).not.toBe(b);
  });

  it('verifies with the parameters read from the stored string, not the current ones', async () => {
    const older = await new PasswordHasher({ N: 2 ** 10, r: 4, p: 2 }).hash('old password');

    expect(older.startsWith('scrypt$1024$4$2$')).toBe(true);
    await expect(hasher.verify('old password', older)).resolves.toBe(true);
    await expect(hasher.verify('new password', older)).resolves.toBe(false);
  });

  it.each([
    ['an empty string', ''],
    ['another algorithm', 'bcrypt$10$abc'],
    ['missing parts', 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA=='],
    ['N not a power of two', `scrypt$1000$8$1$${'A'.repeat(24)}$${'A'.repeat(88)}`],
    ['N too large', `scrypt$${2 ** 21}$8$1$${'A'.repeat(24)}$${'A'.repeat(88)}`],
    ['r zero', `scrypt$1024$0$1$${'A'.repeat(24)}$${'A'.repeat(88)}`],
    ['p not a number', `scrypt$1024$8$x$${'A'.repeat(24)}$${'A'.repeat(88)}`],
    ['a short salt', `scrypt$1024$8$1$AAAA$${'A'.repeat(88)}`],
    ['a short key', `scrypt$1024$8$1$${'A'.repeat(24)}$AAAA`],
    ['a salt outside base64', `scrypt$1024$8$1$${'*'.repeat(24)}$${'A'.repeat(88)}`],
  ])('refuses a malformed stored hash: %s', async (_case, stored) => {
    await expect(hasher.verify('whatever', stored)).rejects.toBeInstanceOf(MalformedPasswordHash);
  });

  it('does not echo the stored value when refusing it', async () => {
    await expect(hasher.verify('x', 'scrypt$oops$secret-material')).rejects.toThrow(/^malformed password hash$/);
  });
});
