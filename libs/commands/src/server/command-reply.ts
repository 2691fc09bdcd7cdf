import type { Logger } from '@nestjs/common';
import { CommandRejected, type CommandReply } from '../command-message';

export const INTERNAL_ERROR = { code: 'INTERNAL', message: 'the service failed to handle the command' } as const;

/**
 * Runs a command and turns every outcome into a reply value: Nest's serialisation of a thrown
 * error loses its code, and a throw would leave the caller waiting for its timeout.
 * Only the error is logged, never the command: it may hold a password.
 */
export async function toReply<R>(log: Logger, pattern: string, run: () => Promise<R>): Promise<CommandReply<R>> {
  try {
    return { ok: true, result: await run() };
  } catch (err) {
    if (err instanceof CommandRejected) return { ok: false, error: err.toError() };
    log.error(`${pattern} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { ok: false, error: { ...INTERNAL_ERROR } };
  }
}
