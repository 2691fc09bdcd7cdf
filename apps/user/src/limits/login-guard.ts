import { Inject, Injectable } from '@nestjs/common';
import { CommandRejected } from '@app/commands';
import { EventStore } from '@app/event-store';
import { USER_SCHEMA as S } from '../schema';
import { USER_SETTINGS, type UserSettings } from '../user-settings';
import { AttemptCounters } from './attempt-counters';

/** How long a successful sign-in keeps an address known to its account. */
const KNOWN_FOR = '30 days';

const limited = (): never => {
  throw new CommandRejected('RATE_LIMITED', 'too many attempts; retry later');
};

/**
 * Password guessing, held back for every gateway replica at once: failures per address (one
 * address trying many accounts) and per account (many addresses trying one). The account limit
 * does not lock its owner out: an address the account signed in from in the last 30 days passes
 * it. Registrations are limited per address. Checked before any password is hashed.
 */
@Injectable()
export class LoginGuard {
  constructor(
    private readonly counters: AttemptCounters,
    private readonly store: EventStore,
    @Inject(USER_SETTINGS) private readonly settings: UserSettings,
  ) {}

  async beforeLogin(email: string, address: string): Promise<void> {
    const { loginWindowMs: window, loginFailuresPerAddress, loginFailuresPerAccount } = this.settings;
    if ((await this.counters.count(`login-fail-address:${address}`, window)) >= loginFailuresPerAddress) limited();
    if ((await this.counters.count(`login-fail-account:${email}`, window)) >= loginFailuresPerAccount && !(await this.isKnown(email, address))) limited();
  }

  async loginFailed(email: string, address: string): Promise<void> {
    await this.counters.hit(`login-fail-address:${address}`, this.settings.loginWindowMs);
    await this.counters.hit(`login-fail-account:${email}`, this.settings.loginWindowMs);
  }

  async loginSucceeded(email: string, address: string): Promise<void> {
    await this.store.pool.query(
      `INSERT INTO "${S}".known_addresses (email_lower, address, last_success) VALUES ($1, $2, now())
       ON CONFLICT (email_lower, address) DO UPDATE SET last_success = now()`,
      [email, address],
    );
  }

  /** Counts the registration attempt; RATE_LIMITED past the address's allowance. */
  async beforeRegistration(address: string): Promise<void> {
    if ((await this.counters.hit(`register-address:${address}`, this.settings.registrationWindowMs)) > this.settings.registrationsPerAddress) limited();
  }

  private async isKnown(email: string, address: string): Promise<boolean> {
    const res = await this.store.pool.query(`SELECT 1 FROM "${S}".known_addresses WHERE email_lower = $1 AND address = $2 AND last_success > now() - interval '${KNOWN_FOR}'`, [email, address]);
    return (res.rowCount ?? 0) > 0;
  }
}
