import { createCipheriv, createDecipheriv, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import type { NamedKey } from '@app/config/service-keys';
import { CommandRejected } from '../command-message';

/**
 * A secret field (a password, a card token) sealed by the gateway to the one service that needs
 * it: an ephemeral X25519 key agreement with the recipient's public key, HKDF-SHA256, then
 * AES-256-GCM. Kafka, the command topics, the order service that forwards a card token and its
 * table see only `sealed.v1.<keyId>.<ephemeral>.<iv>.<ciphertext>`. The context (recipient and
 * field) is bound in, so a sealed password cannot be passed off as a card token.
 */
const PREFIX = 'sealed.v1';
const SEALED = /^sealed\.v1\.([\w-]{1,50})\.([\w-]{43})\.([\w-]{16})\.([\w-]{22,2000})$/;

const derive = (shared: Buffer, ephemeral: string, keyId: string, context: string): Buffer =>
  Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${ephemeral}.${keyId}`), Buffer.from(`commerce-seal-v1:${context}`), 32));

const rawPublic = (key: KeyObject): string => key.export({ format: 'jwk' }).x as string;

export function sealField(recipient: NamedKey, context: string, plaintext: string): string {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublic(ephemeral.publicKey);
  const key = derive(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient.key }), ephemeralRaw, recipient.id, context);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [PREFIX, recipient.id, ephemeralRaw, iv.toString('base64url'), body.toString('base64url')].join('.');
}

/** The shape only, for a service that forwards a sealed value without opening it. */
export const isSealed = (value: string): boolean => SEALED.test(value);

/**
 * Opens a value sealed to one of `own` (newest first) for `context`. Anything else (clear text,
 * another key, another context, a flipped bit) is BAD_USER_INPUT naming `field`; the message
 * never includes the value.
 */
export function openField(own: readonly NamedKey[], context: string, field: string, value: unknown): string {
  const match = typeof value === 'string' ? SEALED.exec(value) : null;
  const refuse = (): never => {
    throw new CommandRejected('BAD_USER_INPUT', `${field} must be sealed to this service`, field);
  };
  if (!match) return refuse();
  const [, keyId, ephemeralRaw, iv, body] = match;
  const mine = own.find((candidate) => candidate.id === keyId);
  if (!mine) return refuse();
  try {
    const ephemeral = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: ephemeralRaw }, format: 'jwk' });
    const key = derive(diffieHellman({ privateKey: mine.key, publicKey: ephemeral }), ephemeralRaw, keyId, context);
    const bytes = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(context));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    return refuse();
  }
}
