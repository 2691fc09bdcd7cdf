import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt floor (N=2^15, r=8, p=1): about 32 MiB and tens of milliseconds per hash. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 64;
// Bounds for parameters read back from storage, so a corrupt row cannot ask for gigabytes.
const MAX = { N: 2 ** 20, r: 32, p: 16 };
// Buffer.from(_, 'base64') skips characters it does not know; check the alphabet first.
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export class MalformedPasswordHash extends Error {
  constructor() {
    // Never echo the stored value: it is a credential.
    super('malformed password hash');
  }
}

const derive = (password: string, salt: Buffer, keyBytes: number, { N, r, p }: ScryptParams): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    // Node's default maxmem (32 MiB) is exactly what N=2^15, r=8 needs, and OpenSSL wants a
    // little more: allow twice the working set of the parameters in use.
    const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r * p };
    scrypt(password, salt, keyBytes, options, (err, key) => (err ? reject(err) : resolve(key)));
  });

const parse = (stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } => {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') throw new MalformedPasswordHash();
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^[1-9][0-9]{0,7}$/.test(s) ? Number(s) : NaN));
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX.N || !(r >= 1 && r <= MAX.r) || !(p >= 1 && p <= MAX.p)) throw new MalformedPasswordHash();
  if (!BASE64.test(parts[4]) || !BASE64.test(parts[5])) throw new MalformedPasswordHash();
  const salt = Buffer.from(parts[4], 'base64');
  const key = Buffer.from(parts[5], 'base64');
  if (salt.length < SALT_BYTES || key.length < 32) throw new MalformedPasswordHash();
  return { params: { N, r, p }, salt, key };
};

/**
 * scrypt from Node itself (no native build). The stored string names its parameters
 * (`scrypt$N$r$p$salt$hash`) so they can be raised later without breaking older hashes.
 * Provided with `useValue` (its constructor takes plain parameters, not providers).
 */
export class PasswordHasher {
  constructor(private readonly params: ScryptParams = DEFAULT_SCRYPT_PARAMS) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, KEY_BYTES, this.params);
    const { N, r, p } = this.params;
    return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
  }

  /** Throws MalformedPasswordHash when `stored` is not one of ours: that is corruption, not a wrong password. */
  async verify(password: string, stored: string): Promise<boolean> {
    const { params, salt, key } = parse(stored);
    const candidate = await derive(password, salt, key.length, params);
    return timingSafeEqual(candidate, key);
  }
}
