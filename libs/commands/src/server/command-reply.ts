import type { Logger } from '@nestjs/common';
import { inSpan, recordFailure, SpanKind, type SpanSpec } from '@app/tracing';
import { CommandRejected, type CommandReply } from '../command-message';

export const INTERNAL_ERROR = { code: 'INTERNAL', message: 'the service failed to handle the command' } as const;

const field = (raw: unknown, name: string): string | undefined => {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
};

/**
 * The span of a command's handling, continuing the sender's trace (the traceparent in the command,
 * under its signature). Read before the signature is checked, so that a refused command shows up
 * in its sender's trace too; a forged one can do no more than add a span to some trace.
 */
const commandSpan = (pattern: string, received: unknown): SpanSpec => ({
  name: `command ${pattern}`,
  kind: SpanKind.SERVER,
  parent: field(received, 'traceparent'),
  attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': pattern, 'command.id': field(received, 'commandId') },
});

/**
 * Runs a command and turns every outcome into a reply value: Nest's serialisation of a thrown
 * error loses its code, and a throw would leave the caller waiting for its timeout.
 * Only the error is logged, never the command: it may hold a password.
 * `received`: the raw command message, whose trace context the handling continues (when tracing is on).
 */
export function toReply<R>(log: Logger, pattern: string, run: () => Promise<R>, received?: unknown): Promise<CommandReply<R>> {
  return inSpan(
    () => commandSpan(pattern, received),
    async (): Promise<CommandReply<R>> => {
      try {
        return { ok: true, result: await run() };
      } catch (err) {
        if (err instanceof CommandRejected) return { ok: false, error: err.toError() };
        log.error(`${pattern} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        recordFailure(err);
        return { ok: false, error: { ...INTERNAL_ERROR } };
      }
    },
  );
}
