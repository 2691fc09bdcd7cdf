import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ClientKafka } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { COMMAND_TOPICS, CommandSecurity, type CommandMessage, type CommandPattern, type CommandReply } from '@app/commands';
import { ensureTopics } from '@app/messaging';
import { commandRoundTripSeconds } from '@app/metrics';
import { activeTraceparent } from '@app/tracing';
import { ApiError, isApiErrorCode } from '../errors/api-error';

/** The Kafka request/reply transport; a token so unit specs can hand in a stand-in. */
export const COMMAND_TRANSPORT = Symbol('COMMAND_TRANSPORT');
export type CommandTransport = Pick<ClientKafka, 'connect' | 'close' | 'send'>;

export interface CommandRequest<D> {
  /** The Kafka key: commands about the same thing land in one partition, in order. */
  key: string;
  data: D;
  issuedBy: CommandMessage['issuedBy'];
  /** Defaults to a fresh id; pass one to make a client's retry the same command (idempotency key). */
  commandId?: string;
}

/** One resend after a timeout; past that the caller hears UNAVAILABLE and may retry itself. */
const SEND_ATTEMPTS = 2;

/**
 * Sends a command and waits for its reply. A timeout is UNAVAILABLE: the command may or may not
 * have been applied, and a retry is safe because the user service dedupes on `commandId`.
 */
@Injectable()
export class CommandClient implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CommandClient.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(COMMAND_TRANSPORT) private readonly transport: CommandTransport,
    private readonly security: CommandSecurity,
  ) {}

  // Connecting at boot joins the reply group before the first request: ClientKafka needs its
  // reply partitions assigned to tell the other side where to answer.
  async onModuleInit(): Promise<void> {
    // Topic auto-creation is off; outside the local stack (Docker, a cluster) nobody else makes them.
    await ensureTopics(this.config.kafka, COMMAND_TOPICS);
    await this.transport.connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.transport.close();
  }

  /**
   * Sends a command and waits for its reply. A reply can be lost (a rebalance, a restart of the
   * service), so a timed-out command is sent once more with the SAME commandId: the service
   * dedupes on it, so the retry returns the first attempt's outcome instead of acting twice.
   * `result` checks the reply's shape: it comes from another process, possibly another version.
   */
  async send<R, D = unknown>(pattern: CommandPattern, request: CommandRequest<D>, result: z.ZodType<R>): Promise<R> {
    const timer = commandRoundTripSeconds.startTimer({ command: pattern });
    try {
      const value = await this.exchange(pattern, request, result);
      timer({ outcome: 'ok' });
      return value;
    } catch (error) {
      timer({ outcome: error instanceof ApiError ? error.code : 'INTERNAL' });
      throw error;
    }
  }

  private async exchange<R, D>(pattern: CommandPattern, { key, data, issuedBy, commandId = randomUUID() }: CommandRequest<D>, result: z.ZodType<R>): Promise<R> {
    // The mutation's trace continues in the service (signed with the rest); none when tracing is off.
    const traceparent = activeTraceparent();
    // Signed once: the resend below is the same command, bytes and all.
    const message = this.security.sign<D>(pattern, { commandId, correlationId: commandId, issuedBy, ...(traceparent ? { traceparent } : {}), data });
    for (let attempt = 1; ; attempt++) {
      try {
        const reply = await firstValueFrom(
          this.transport.send<CommandReply<unknown>>(pattern, { key, value: message }).pipe(timeout({ first: this.config.commandTimeoutMs })),
        );
        return this.unwrap(pattern, commandId, reply, result);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        if (!(error instanceof TimeoutError)) {
          this.logger.error(`${pattern} ${commandId}: ${error instanceof Error ? error.stack : String(error)}`);
        } else {
          this.logger.warn(`${pattern} ${commandId}: no reply within ${this.config.commandTimeoutMs} ms (attempt ${attempt}/${SEND_ATTEMPTS})`);
          if (attempt < SEND_ATTEMPTS) continue;
        }
        throw new ApiError('UNAVAILABLE', 'The service did not answer in time; retry');
      }
    }
  }

  private unwrap<R>(pattern: string, commandId: string, reply: CommandReply<unknown>, result: z.ZodType<R>): R {
    if (reply?.ok === true) {
      const parsed = result.safeParse(reply.result);
      if (parsed.success) return parsed.data;
    }
    const error = reply?.ok === false ? reply.error : undefined;
    if (error && isApiErrorCode(error.code) && typeof error.message === 'string') {
      throw new ApiError(error.code, error.message, typeof error.field === 'string' ? error.field : undefined);
    }
    this.logger.error(`${pattern} ${commandId}: malformed reply ${JSON.stringify(reply)?.slice(0, 500)}`);
    throw new ApiError('INTERNAL', 'Malformed reply');
  }
}
