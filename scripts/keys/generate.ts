/**
 * `npm run keys`: a fresh set of command-bus keys for one deployment, printed as environment
 * lines. Each private key goes to its one app only; COMMAND_PUBLIC_KEYS goes to every app.
 * To rotate: put the new private key first in its list (old ones after it, until the commands
 * they signed are older than an hour) and add the new public key beside the old one.
 */
import { generateKeyPairSync } from 'node:crypto';

const holders = [
  { holder: 'gateway', variable: 'GATEWAY_COMMAND_KEY', type: 'ed25519' },
  { holder: 'order', variable: 'ORDER_COMMAND_KEY', type: 'ed25519' },
  { holder: 'user', variable: 'USER_SEALING_KEY', type: 'x25519' },
  { holder: 'payment', variable: 'PAYMENT_SEALING_KEY', type: 'x25519' },
] as const;

const publics: string[] = [];
for (const { holder, variable, type } of holders) {
  const { privateKey, publicKey } = generateKeyPairSync(type as 'ed25519');
  process.stdout.write(`# ${holder} only\n${variable}=${privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64')}\n`);
  publics.push(`${holder}=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`);
}
process.stdout.write(`# every app\nCOMMAND_PUBLIC_KEYS=${publics.join(',')}\n`);
