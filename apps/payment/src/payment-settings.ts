import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { parseSettings } from '@app/config';

/**
 * Payment-only knobs, read once and validated like @app/config (which holds what several apps
 * share). Tests override the PAYMENT_SETTINGS provider instead of the environment.
 */
const ms = (fallback: number, max: number) => z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(1).max(max).default(fallback);

const settingsSchema = z
  .object({
    // Longer than this and we stop waiting; the payment stays PENDING (see ProcessPaymentHandler).
    // At most 8 s: the command server's Kafka session is 10 s and it does not heartbeat while a
    // handler waits, so a longer wait gets the member evicted and the command redelivered in a loop.
    PAYMENT_PROVIDER_TIMEOUT_MS: ms(5000, 8000),
    // How often the reconciler asks the provider about PENDING payments and carries out refunds.
    PAYMENT_RECONCILE_MS: ms(5000, 600_000),
    // The local provider's tok_slow: approved after this long (demos and the fault suite).
    PAYMENT_LOCAL_SLOW_MS: ms(3000, 120_000),
  })
  .transform((env) => ({ providerTimeoutMs: env.PAYMENT_PROVIDER_TIMEOUT_MS, reconcileMs: env.PAYMENT_RECONCILE_MS, localSlowMs: env.PAYMENT_LOCAL_SLOW_MS }));

export type PaymentSettings = z.output<typeof settingsSchema>;

export const PAYMENT_SETTINGS = Symbol('PAYMENT_SETTINGS');

export function loadPaymentSettings(env: NodeJS.ProcessEnv = process.env): PaymentSettings {
  return parseSettings(settingsSchema, env);
}

export const paymentSettingsProvider: Provider = { provide: PAYMENT_SETTINGS, useFactory: () => loadPaymentSettings() };
