import { z } from 'zod';
import { activeTraceparent } from '@app/tracing';
import type { CommandMessage } from '../command-message';
import { parseInput } from './parse-input';

/** What a handler needs from the envelope of a CommandMessage (the data travels in the command). */
export interface CommandMeta {
  commandId: string;
  correlationId: string;
  traceparent?: string;
}

const id = (what: string) => z.string({ error: `${what} must be a string` }).min(1, `${what} must not be empty`).max(200, `${what} is too long`);

// The libs/commands contract, checked at runtime: the bytes come from Kafka, not from our types.
const commandMessage = z.object({
  commandId: id('commandId'),
  correlationId: id('correlationId'),
  issuedBy: z.object({ userId: z.string(), role: z.enum(['CUSTOMER', 'ADMIN']) }, { error: 'issuedBy must be null or { userId, role }' }).nullable(),
  traceparent: z.string().max(512).optional(),
  data: z.unknown(),
  auth: z
    .object(
      { sender: z.string().max(50), keyId: z.string().max(50), issuedAt: z.number().int(), signature: z.string().max(200) },
      { error: 'auth must be { sender, keyId, issuedAt, signature }' },
    )
    .optional(),
});

/** Throws CommandRejected(BAD_USER_INPUT) naming the envelope field at fault. */
export const parseCommandMessage = (raw: unknown): CommandMessage => parseInput(commandMessage, raw, 'a command message must be an object');

/**
 * The traceparent the command's events are stored with: the span handling the command (toReply's)
 * when this service traces, else the sender's as received (absent when neither traces).
 */
export const metaOf = ({ commandId, correlationId, traceparent: sent }: CommandMessage): CommandMeta => {
  const traceparent = activeTraceparent() ?? sent;
  return traceparent ? { commandId, correlationId, traceparent } : { commandId, correlationId };
};
