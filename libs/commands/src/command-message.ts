/**
 * What the gateway sends to a producer app over Kafka request/reply (ClientKafka.send ->
 * @MessagePattern). The reply topic is `<pattern>.reply` (Nest's convention).
 */
export interface CommandMessage<D = unknown> {
  /** Idempotency key: a retry with the same id must not append twice. */
  commandId: string;
  correlationId: string;
  /** Who asks; null for anonymous commands such as register and login. */
  issuedBy: { userId: string; role: 'CUSTOMER' | 'ADMIN' } | null;
  traceparent?: string;
  data: D;
  /** Who sent it, proven: see libs/commands/src/security. Unsigned commands are refused. */
  auth?: CommandAuth;
}

/** The sender's signature over the pattern and the whole envelope (Ed25519, base64url). */
export interface CommandAuth {
  sender: string;
  keyId: string;
  /** Milliseconds since the epoch, by the sender's clock. */
  issuedAt: number;
  signature: string;
}

/** A refusal with a stable code; `field` names the input at fault when there is one. */
export interface CommandError {
  code: CommandErrorCode;
  message: string;
  field?: string;
}

export type CommandErrorCode = 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'RATE_LIMITED' | 'INTERNAL';

/** Replies are values, never thrown errors: Nest's serialisation of exceptions loses the code. */
export type CommandReply<R> = { ok: true; result: R } | { ok: false; error: CommandError };

/** The usual result of a command that appended events (API.graphql `CommandResult`). */
export interface CommandResult {
  aggregateId: string;
  version: number;
  position: string;
}

/** A domain refusal, thrown by handlers and turned into `{ ok: false, error }` at the edge. */
export class CommandRejected extends Error {
  constructor(
    readonly code: CommandErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  toError(): CommandError {
    return this.field ? { code: this.code, message: this.message, field: this.field } : { code: this.code, message: this.message };
  }
}
