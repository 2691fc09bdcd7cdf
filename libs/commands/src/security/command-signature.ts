import { sign, verify } from 'node:crypto';
import type { KeyHolder, NamedKey } from '@app/config/service-keys';
import { CommandRejected, type CommandAuth, type CommandMessage } from '../command-message';

/**
 * How long a signed command stays acceptable: the command topics' retention (an hour), so a
 * one-way command redelivered after an outage still goes through, and nothing older can be
 * replayed. Inside that window a replay is the same commandId, which every handler dedupes: it
 * answers the first outcome and changes nothing.
 */
export const COMMAND_MAX_AGE_MS = 60 * 60 * 1000;
/** Clocks of two hosts disagree a little; a command from further in the future is refused. */
const CLOCK_SKEW_MS = 30_000;

/**
 * The bytes a signature covers: the topic (so a command cannot be moved to another pattern),
 * who signs, when, and the whole envelope, data included. Both ends are JavaScript and the data
 * crosses Kafka as JSON, so JSON.stringify of what arrived gives back what was signed.
 */
const signedBytes = (pattern: string, message: CommandMessage, auth: Pick<CommandAuth, 'sender' | 'keyId' | 'issuedAt'>): Buffer =>
  Buffer.from(
    JSON.stringify(['commerce-command-v1', pattern, auth.sender, auth.keyId, auth.issuedAt, message.commandId, message.correlationId, message.issuedBy, message.traceparent ?? null, message.data]),
  );

/** Signs with `key` (the sender's current Ed25519 key); the message goes out with its `auth`. */
export function signCommand<D>(pattern: string, message: CommandMessage<D>, sender: KeyHolder, key: NamedKey, now = Date.now()): CommandMessage<D> {
  const auth = { sender, keyId: key.id, issuedAt: now };
  const signature = sign(null, signedBytes(pattern, message, auth), key.key).toString('base64url');
  return { ...message, auth: { ...auth, signature } };
}

const refuse = (code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): never => {
  throw new CommandRejected(code, message, 'auth');
};

/**
 * Checks that `message` was signed for `pattern` by one of `senders`, with a key of theirs, in
 * the last hour. Refusals are UNAUTHENTICATED (unsigned, unknown key, bad signature, expired)
 * or FORBIDDEN (a known sender that may not send this command), with field `auth`.
 */
export function verifyCommand(pattern: string, message: CommandMessage, senders: readonly KeyHolder[], keys: ReadonlyMap<KeyHolder, NamedKey[]>, now = Date.now()): KeyHolder {
  const auth = message.auth;
  if (!auth) return refuse('UNAUTHENTICATED', 'the command is not signed');
  if (!senders.includes(auth.sender as KeyHolder)) return refuse('FORBIDDEN', `${auth.sender} may not send ${pattern}`);
  const key = keys.get(auth.sender as KeyHolder)?.find((candidate) => candidate.id === auth.keyId);
  if (!key) return refuse('UNAUTHENTICATED', `no key ${auth.keyId} is known for ${auth.sender}`);
  const signature = Buffer.from(auth.signature, 'base64url');
  if (!verify(null, signedBytes(pattern, message, auth), key.key, signature)) return refuse('UNAUTHENTICATED', 'the signature does not match the command');
  // Checked after the signature, so the time is the sender's own and not an attacker's.
  if (auth.issuedAt < now - COMMAND_MAX_AGE_MS) return refuse('UNAUTHENTICATED', 'the command has expired');
  if (auth.issuedAt > now + CLOCK_SKEW_MS) return refuse('UNAUTHENTICATED', 'the command is dated in the future');
  return auth.sender as KeyHolder;
}
