import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { parseSettings } from '@app/config';

/**
 * Order-only knobs, read once and validated like @app/config (which holds what several apps
 * share). Tests override the ORDER_SETTINGS provider instead of the environment.
 */
const ms = (fallback: number, max: number) =>
  z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(1).max(max).default(fallback);

const settingsSchema = z
  .object({
    // How long an order may take from creation to a final status, whatever fails in between
    // (inventory's answer dead-lettered, the payment request lost): then it is cancelled.
    ORDER_DEADLINE_MS: ms(120_000, 24 * 60 * 60 * 1000),
    // How long an order may wait for a payment outcome once requested (the earlier deadline wins).
    PAYMENT_DEADLINE_MS: ms(30_000, 24 * 60 * 60 * 1000),
    PAYMENT_DEADLINE_SCAN_MS: ms(500, 60_000),
    // Orders one customer may have holding stock at once (waiting for stock or payment): a
    // never-paid order holds stock until its deadline, so this bounds what one account can lock up.
    ORDER_OPEN_LIMIT_PER_CUSTOMER: z.coerce.number({ error: 'must be a whole number' }).int().min(1).max(10_000).default(20),
  })
  .transform((env) => ({
    orderDeadlineMs: env.ORDER_DEADLINE_MS,
    paymentDeadlineMs: env.PAYMENT_DEADLINE_MS,
    deadlineScanMs: env.PAYMENT_DEADLINE_SCAN_MS,
    openOrdersPerCustomer: env.ORDER_OPEN_LIMIT_PER_CUSTOMER,
  }));

export type OrderSettings = z.output<typeof settingsSchema>;

export const ORDER_SETTINGS = Symbol('ORDER_SETTINGS');

export function loadOrderSettings(env: NodeJS.ProcessEnv = process.env): OrderSettings {
  return parseSettings(settingsSchema, env);
}

export const orderSettingsProvider: Provider = { provide: ORDER_SETTINGS, useFactory: () => loadOrderSettings() };
