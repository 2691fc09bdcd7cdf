import type { AppName } from '@app/config';
import { loadServiceKeys } from '@app/config/service-keys';
import { CommandSecurity, type CommandMessage, type CommandPattern } from '@app/commands';

/**
 * The development keys each app holds under NODE_ENV=test, for tests that stand in for a sender
 * (signing a command as the gateway or the order saga) or a recipient (opening a sealed field).
 */
export const securityOf = (app: AppName): CommandSecurity => new CommandSecurity(loadServiceKeys(app, { NODE_ENV: 'test' }));

const gateway = securityOf('gateway');
const order = securityOf('order');

/** `message` as the gateway would send it on `pattern` (or the order service, for payment commands). */
export const signedAs = <D>(sender: 'gateway' | 'order', pattern: CommandPattern, message: CommandMessage<D>): CommandMessage<D> =>
  (sender === 'gateway' ? gateway : order).sign(pattern, message);

/** A secret as the gateway seals it for its one recipient. */
export const sealFor = (recipient: 'user' | 'payment', field: string, plaintext: string): string => gateway.seal(recipient, field, plaintext);
