import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { parseSettings } from '@app/config';
import { DEFAULT_NODE_ENV, DEV_MODES } from '@app/config/config.schema';

/**
 * User-service knobs: the limits on password guessing and sign-ups (see LoginGuard), read once
 * and validated like @app/config. Tests override the USER_SETTINGS provider instead of the environment.
 */
const count = (fallback: number) => z.coerce.number({ error: 'must be a positive whole number' }).int().min(1).default(fallback);

/**
 * Production's allowances, and development's: every local client is 127.0.0.1, so `npm run load`
 * registering 40 customers, or the test suites signing up hundreds, would be one address over
 * its limit. Set explicitly, a variable wins in every mode (the limit tests set low ones).
 */
const allowances = (production: boolean) => ({
  LOGIN_FAILURES_PER_ADDRESS: count(production ? 30 : 1000),
  LOGIN_FAILURES_PER_ACCOUNT: count(production ? 10 : 1000),
  LOGIN_WINDOW_MS: count(15 * 60 * 1000),
  REGISTRATIONS_PER_ADDRESS: count(production ? 10 : 10_000),
  REGISTRATION_WINDOW_MS: count(60 * 60 * 1000),
});

const settingsSchema = (production: boolean) =>
  z.object(allowances(production)).transform((env) => ({
    loginFailuresPerAddress: env.LOGIN_FAILURES_PER_ADDRESS,
    loginFailuresPerAccount: env.LOGIN_FAILURES_PER_ACCOUNT,
    loginWindowMs: env.LOGIN_WINDOW_MS,
    registrationsPerAddress: env.REGISTRATIONS_PER_ADDRESS,
    registrationWindowMs: env.REGISTRATION_WINDOW_MS,
  }));

export type UserSettings = z.output<ReturnType<typeof settingsSchema>>;

export const USER_SETTINGS = Symbol('USER_SETTINGS');

export function loadUserSettings(env: NodeJS.ProcessEnv = process.env): UserSettings {
  const production = !DEV_MODES.includes(env.NODE_ENV || DEFAULT_NODE_ENV);
  return parseSettings(settingsSchema(production), env);
}

export const userSettingsProvider: Provider = { provide: USER_SETTINGS, useFactory: () => loadUserSettings() };
