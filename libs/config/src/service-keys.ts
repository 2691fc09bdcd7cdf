import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { ConfigError } from './config-error';
import { DEFAULT_NODE_ENV, DEV_MODES, type AppName } from './config.schema';

/**
 * The asymmetric keys behind the command bus (README, Security). The gateway and the order
 * service sign the commands they send (Ed25519); the user and payment services hold the X25519
 * keys that passwords and card tokens are sealed to. Each app holds only its own private key and
 * the public keys of the peers it deals with, so a compromised consumer can neither sign as the
 * gateway nor open a password.
 */
export type KeyHolder = 'gateway' | 'order' | 'user' | 'payment';

interface Needs {
  /** The variable holding this app's private key(s): comma-separated, newest first (rotation). */
  privateKey?: string;
  peers: KeyHolder[];
}

const NEEDS: Record<AppName, Needs> = {
  gateway: { privateKey: 'GATEWAY_COMMAND_KEY', peers: ['user', 'payment'] },
  order: { privateKey: 'ORDER_COMMAND_KEY', peers: ['gateway'] },
  user: { privateKey: 'USER_SEALING_KEY', peers: ['gateway'] },
  payment: { privateKey: 'PAYMENT_SEALING_KEY', peers: ['order'] },
  consumers: { peers: ['gateway'] },
};
/** Senders sign (Ed25519); recipients of sealed fields agree keys (X25519). */
const KEY_TYPE: Record<KeyHolder, 'ed25519' | 'x25519'> = { gateway: 'ed25519', order: 'ed25519', user: 'x25519', payment: 'x25519' };

/** Development-only keys (base64 PKCS#8): published here, so refused when NODE_ENV=production. */
const DEV_PRIVATE_KEYS: Record<KeyHolder, string> = {
  gateway: 'MC4CAQAwBQYDK2VwBCIEIH4Rp4fRwe8p67xF1RJTKRBDxxEJUUKQa7prFbgtQCev',
  order: 'MC4CAQAwBQYDK2VwBCIEIOz4/laIS/XWNNs7m2uyjw3tgdnmbPpt26MqsMHRObvg',
  user: 'MC4CAQAwBQYDK2VuBCIEIGgHBoX8eQE/r51jI/YbjlvBERpg9ukNsKoPEF+qVMJn',
  payment: 'MC4CAQAwBQYDK2VuBCIEIMjGf1Wror4nO1mmekW8YAvrjDhVBSjiduBICgp2Qu5G',
};
/** COMMAND_PUBLIC_KEYS entries are holder=base64 (the base64 may itself end in '='). */
const holderOf = (entry: string): string => entry.slice(0, entry.indexOf('='));
const keyPart = (entry: string): string => entry.slice(entry.indexOf('=') + 1);
const publicDer = (key: KeyObject): Buffer => (key.type === 'public' ? key : createPublicKey(key)).export({ type: 'spki', format: 'der' });
const DEV_PUBLIC_KEYS = Object.entries(DEV_PRIVATE_KEYS)
  .map(([holder, der]) => `${holder}=${publicDer(createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' })).toString('base64')}`)
  .join(',');
/** The development defaults as environment variables (tests check that production refuses them). */
export const DEV_KEY_SETTINGS: Readonly<Record<string, string>> = {
  GATEWAY_COMMAND_KEY: DEV_PRIVATE_KEYS.gateway,
  ORDER_COMMAND_KEY: DEV_PRIVATE_KEYS.order,
  USER_SEALING_KEY: DEV_PRIVATE_KEYS.user,
  PAYMENT_SEALING_KEY: DEV_PRIVATE_KEYS.payment,
  COMMAND_PUBLIC_KEYS: DEV_PUBLIC_KEYS,
};
const DEV_VALUES = new Set([...Object.values(DEV_PRIVATE_KEYS), ...DEV_PUBLIC_KEYS.split(',').map(keyPart)]);

/** A public key with the id commands and sealed fields name it by. */
export interface NamedKey {
  id: string;
  key: KeyObject;
}
export interface ServiceKeys {
  app: AppName;
  /** This app's private keys, newest first: it signs (or is sealed to) with the first. */
  own: NamedKey[];
  /** The public keys of its peers; any of a peer's keys verifies (rotation). */
  peers: ReadonlyMap<KeyHolder, NamedKey[]>;
}

/** The first 12 characters of the SHA-256 of the public key: says which key, reveals nothing. */
export const keyIdOf = (key: KeyObject): string => createHash('sha256').update(publicDer(key)).digest('base64url').slice(0, 12);

/** Reads the keys `app` needs; throws ConfigError naming each missing or unusable variable, never its value. */
export function loadServiceKeys(app: AppName, env: NodeJS.ProcessEnv = process.env): ServiceKeys {
  const needs = NEEDS[app];
  const dev = DEV_MODES.includes(env.NODE_ENV || DEFAULT_NODE_ENV);
  const problems: [string, string][] = [];
  // Public entries are holder=base64: the dev check compares the key part.
  const read = (variable: string, devDefault: string, what: string, keyPart = (part: string) => part): string[] => {
    const value = env[variable] || (dev ? devDefault : '');
    if (!value) problems.push([variable, `required: ${what}; only NODE_ENV=development or test has a default (npm run keys makes a set)`]);
    const parts = value.split(',').map((part) => part.trim()).filter(Boolean);
    if (!dev && parts.some((part) => DEV_VALUES.has(keyPart(part)))) problems.push([variable, 'the development default is refused in production']);
    return parts;
  };
  const parse = (variable: string, der: string, type: 'ed25519' | 'x25519', kind: 'pkcs8' | 'spki'): KeyObject | undefined => {
    try {
      const buffer = Buffer.from(der, 'base64');
      const key = kind === 'pkcs8' ? createPrivateKey({ key: buffer, format: 'der', type: kind }) : createPublicKey({ key: buffer, format: 'der', type: kind });
      if (key.asymmetricKeyType === type) return key;
    } catch {
      // Reported below, without the value.
    }
    problems.push([variable, `must hold base64 DER ${type} ${kind === 'pkcs8' ? 'private (PKCS#8)' : 'public (SPKI)'} keys`]);
    return undefined;
  };

  const own: ServiceKeys['own'] = [];
  if (needs.privateKey) {
    const holder = app as KeyHolder;
    for (const der of read(needs.privateKey, DEV_PRIVATE_KEYS[holder], `${app}'s ${KEY_TYPE[holder]} private key`)) {
      const key = parse(needs.privateKey, der, KEY_TYPE[holder], 'pkcs8');
      if (key) own.push({ id: keyIdOf(key), key });
    }
  }
  const peers = new Map<KeyHolder, NamedKey[]>(needs.peers.map((peer) => [peer, []]));
  for (const entry of read('COMMAND_PUBLIC_KEYS', DEV_PUBLIC_KEYS, `the public keys of ${needs.peers.join(', ')} as holder=base64,...`, keyPart)) {
    const list = peers.get(holderOf(entry) as KeyHolder);
    if (!list) continue; // another app's peer: not this one's business
    const key = parse('COMMAND_PUBLIC_KEYS', keyPart(entry), KEY_TYPE[holderOf(entry) as KeyHolder], 'spki');
    if (key) list.push({ id: keyIdOf(key), key });
  }
  for (const [peer, list] of peers) if (list.length === 0 && problems.length === 0) problems.push(['COMMAND_PUBLIC_KEYS', `has no key for ${peer}`]);

  if (problems.length > 0) {
    const first = new Map<string, string>();
    for (const [variable, message] of problems) if (!first.has(variable)) first.set(variable, `${variable}: ${message}`);
    throw new ConfigError([...first.keys()], [...first.values()]);
  }
  return { app, own, peers };
}
