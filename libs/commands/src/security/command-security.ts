import { Inject, Injectable, Logger, type DynamicModule, Module } from '@nestjs/common';
import type { AppName } from '@app/config';
import { type KeyHolder, loadServiceKeys, type NamedKey, type ServiceKeys } from '@app/config/service-keys';
import type { CommandMessage } from '../command-message';
import { COMMAND_SENDERS, type CommandPattern } from '../patterns';
import { parseCommandMessage } from '../server/command-meta';
import { signCommand, verifyCommand } from './command-signature';
import { openField, sealField } from './sealed-field';

export const SERVICE_KEYS = Symbol('SERVICE_KEYS');

/**
 * One app's side of the authenticated command bus: senders sign, receivers check the signature
 * and the sender against COMMAND_SENDERS, the gateway seals secret fields and their one
 * recipient opens them. Which of these an app can do depends on the keys it holds (ServiceKeys).
 */
@Injectable()
export class CommandSecurity {
  private readonly log = new Logger(CommandSecurity.name);

  constructor(@Inject(SERVICE_KEYS) private readonly keys: ServiceKeys) {}

  sign<D>(pattern: CommandPattern, message: CommandMessage<D>): CommandMessage<D> {
    return signCommand(pattern, message, this.keys.app as KeyHolder, this.own()[0]);
  }

  /** Parses and verifies a received command; throws CommandRejected (logged as a warning when it is about trust). */
  verify(pattern: CommandPattern, raw: unknown): CommandMessage {
    const message = parseCommandMessage(raw);
    try {
      verifyCommand(pattern, message, COMMAND_SENDERS[pattern], this.keys.peers);
      return message;
    } catch (error) {
      // Ids and the claimed sender only: the data may hold a sealed secret, and is anyone's to forge.
      this.log.warn(`${pattern} ${message.commandId} refused: ${(error as Error).message} (claimed sender ${message.auth?.sender ?? 'none'})`);
      throw error;
    }
  }

  seal(recipient: 'user' | 'payment', field: string, plaintext: string): string {
    const key = this.keys.peers.get(recipient)?.[0];
    if (!key) throw new Error(`${this.keys.app} holds no sealing key of ${recipient}`);
    return sealField(key, `${recipient}:${field}`, plaintext);
  }

  /**
   * `data` with `data[field]` opened (it must be sealed to this service: BAD_USER_INPUT naming the
   * field otherwise). Data that is not an object, or lacks the field, passes through for the
   * input schema to refuse in its own words.
   */
  unsealIn(data: unknown, field: string): unknown {
    if (typeof data !== 'object' || data === null || !(field in data)) return data;
    const value = (data as Record<string, unknown>)[field];
    return { ...data, [field]: openField(this.own(), `${this.keys.app}:${field}`, field, value) };
  }

  private own(): NamedKey[] {
    if (this.keys.own.length === 0) throw new Error(`${this.keys.app} holds no private key`);
    return this.keys.own;
  }
}

/** `CommandSecurityModule.forApp('order')`: the keys are read (and checked) once, at start-up. */
@Module({})
export class CommandSecurityModule {
  static forApp(app: AppName): DynamicModule {
    return {
      module: CommandSecurityModule,
      global: true,
      providers: [{ provide: SERVICE_KEYS, useFactory: () => loadServiceKeys(app) }, CommandSecurity],
      exports: [CommandSecurity],
    };
  }
}
