import { z } from 'zod';

const port = z.coerce.number({ error: 'must be a port number (1-65535)' }).int().min(1).max(65535);

const url = (protocol: RegExp, expected: string) =>
  z.url({ protocol, error: `must be a ${expected} URL` });

const required = (what: string) => `required: ${what}; only NODE_ENV=development or test has a default`;

const brokers = z
  .string()
  .transform((list) => list.split(',').map((broker) => broker.trim()))
  .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'must be a comma-separated list of host:port')));

/** Development-only secrets: fine on a laptop, refused when NODE_ENV=production. */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-do-not-use-in-production';
export const DEV_ADMIN_PASSWORD = 'admin12345';

/**
 * Unset NODE_ENV means production: an app started bare (`node dist/apps/order/src/main.js`, a
 * container without its settings) must not come up on published secrets. Development and tests
 * are asked for by name (`npm start`, `npm test`, docker-compose and the dev scripts set it).
 */
export const DEFAULT_NODE_ENV = 'production';
export const DEV_MODES: readonly string[] = ['development', 'test'];

/** Defaults only development and tests get; production must set these itself. */
export const DEV_SECRET_DEFAULTS = { JWT_SECRET: DEV_JWT_SECRET, ADMIN_PASSWORD: DEV_ADMIN_PASSWORD } as const;

/** Raw environment variables, as strings, with the defaults used when one is unset. */
export const ENV_DEFAULTS = {
  NODE_ENV: DEFAULT_NODE_ENV,
  HOST: '127.0.0.1',
  KAFKA_BROKERS: '127.0.0.1:9092',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/commerce',
  ELASTICSEARCH_NODE: 'http://127.0.0.1:9200',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  GATEWAY_PORT: '3000',
  ORDER_PORT: '3001',
  USER_PORT: '3002',
  PAYMENT_PORT: '3003',
  CONSUMERS_PORT: '3004',
  ADMIN_EMAIL: 'admin@example.com',
  COMMAND_TIMEOUT_MS: '10000',
  PG_STATEMENT_TIMEOUT_MS: '30000',
  PG_LOCK_TIMEOUT_MS: '10000',
  PG_CONNECT_TIMEOUT_MS: '5000',
} as const;

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production'], {
      error: 'must be development, test or production',
    }),
    HOST: z.string(),
    KAFKA_BROKERS: brokers,
    DATABASE_URL: url(/^postgres(ql)?$/, 'postgres://'),
    ELASTICSEARCH_NODE: url(/^https?$/, 'http(s)://'),
    SMTP_URL: url(/^smtps?$/, 'smtp(s)://'),
    GATEWAY_PORT: port,
    ORDER_PORT: port,
    USER_PORT: port,
    PAYMENT_PORT: port,
    CONSUMERS_PORT: port,
    JWT_SECRET: z.string({ error: required('the HS256 key tokens are signed with, 32 characters or more') }).min(32, { error: 'must be at least 32 characters' }),
    ADMIN_EMAIL: z.email({ error: 'must be an email address' }),
    ADMIN_PASSWORD: z.string({ error: required('the password of the admin the user service seeds') }).min(8, { error: 'must be at least 8 characters' }),
    COMMAND_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100).max(120000),
    PG_STATEMENT_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100),
    PG_LOCK_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100),
    PG_CONNECT_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (env.JWT_SECRET === DEV_JWT_SECRET) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'the development default is refused in production' });
    if (env.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD) ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'the development default is refused in production' });
  })
  .transform((env) => ({
    nodeEnv: env.NODE_ENV,
    host: env.HOST,
    kafkaBrokers: env.KAFKA_BROKERS,
    databaseUrl: env.DATABASE_URL,
    elasticsearchNode: env.ELASTICSEARCH_NODE,
    smtpUrl: env.SMTP_URL,
    ports: {
      gateway: env.GATEWAY_PORT,
      order: env.ORDER_PORT,
      user: env.USER_PORT,
      payment: env.PAYMENT_PORT,
      consumers: env.CONSUMERS_PORT,
    },
    jwtSecret: env.JWT_SECRET,
    admin: { email: env.ADMIN_EMAIL.toLowerCase(), password: env.ADMIN_PASSWORD },
    commandTimeoutMs: env.COMMAND_TIMEOUT_MS,
    postgresTimeouts: { statementMs: env.PG_STATEMENT_TIMEOUT_MS, lockMs: env.PG_LOCK_TIMEOUT_MS, connectMs: env.PG_CONNECT_TIMEOUT_MS },
  }));

export type AppConfig = z.output<typeof configSchema>;
export type AppName = keyof AppConfig['ports'];
