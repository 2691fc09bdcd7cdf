import { Global, Module } from '@nestjs/common';
import { z } from 'zod';
import { parseSettings } from '@app/config';
import { DEFAULT_NODE_ENV, DEV_MODES } from '@app/config/config.schema';

/**
 * Gateway-only knobs, read once and validated like @app/config (which holds what several apps
 * share). Tests override the GATEWAY_SETTINGS provider instead of the environment.
 */
const count = (fallback: number) => z.coerce.number({ error: 'must be a positive integer' }).int().min(1).default(fallback);

const settingsSchema = z
  .object({
    LOGIN_LIMIT_PER_IP: count(30),
    LOGIN_LIMIT_WINDOW_MS: count(60_000),
    GRAPHQL_MAX_DEPTH: count(10),
    GRAPHQL_MAX_COST: count(1000),
    TOKEN_TTL_SECONDS: count(3600),
    READ_MODEL_WAIT_MS: count(10_000),
    SUBSCRIPTIONS_PER_CONNECTION: count(10),
    CONNECTIONS_PER_CUSTOMER: count(5),
    GRAPHIQL: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
    // Read only for GRAPHIQL's default; @app/config validates it.
    NODE_ENV: z.string().default(DEFAULT_NODE_ENV),
  })
  .transform((env) => ({
    loginLimit: { perIp: env.LOGIN_LIMIT_PER_IP, windowMs: env.LOGIN_LIMIT_WINDOW_MS },
    maxDepth: env.GRAPHQL_MAX_DEPTH,
    maxCost: env.GRAPHQL_MAX_COST,
    tokenTtlSeconds: env.TOKEN_TTL_SECONDS,
    readModelWaitMs: env.READ_MODEL_WAIT_MS,
    // Per gateway replica (in memory): a websocket's subscriptions, and a user's open websockets.
    subscriptionsPerConnection: env.SUBSCRIPTIONS_PER_CONNECTION,
    connectionsPerCustomer: env.CONNECTIONS_PER_CUSTOMER,
    // GraphiQL on a browser's GET /graphql (src/graphiql): a development tool, which production
    // (and so an unset NODE_ENV) serves only when asked to by name.
    graphiql: env.GRAPHIQL === undefined ? DEV_MODES.includes(env.NODE_ENV) : env.GRAPHIQL === 'true',
  }));

export type GatewaySettings = z.output<typeof settingsSchema>;

export const GATEWAY_SETTINGS = Symbol('GATEWAY_SETTINGS');

export function loadGatewaySettings(env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  return parseSettings(settingsSchema, env);
}

@Global()
@Module({
  providers: [{ provide: GATEWAY_SETTINGS, useFactory: () => loadGatewaySettings() }],
  exports: [GATEWAY_SETTINGS],
})
export class GatewaySettingsModule {}
