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

/**
 * Defaults only development and tests get; production must set these itself. Production also
 * states how apps authenticate to Kafka: a broker without SASL is a choice, never an oversight.
 */
export const DEV_ONLY_DEFAULTS = { JWT_SECRET: DEV_JWT_SECRET, ADMIN_PASSWORD: DEV_ADMIN_PASSWORD, KAFKA_SASL_MECHANISM: 'none' } as const;

/** docker-compose's Kafka passwords start with this; production refuses any that does. */
export const DEV_KAFKA_PASSWORD_PREFIX = 'dev-only-';

const SASL_MECHANISMS = ['none', 'plain', 'scram-sha-256', 'scram-sha-512'] as const;

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
  KAFKA_TLS: 'false',
} as const;

/**
 * How a client reaches the brokers and proves who it is; the shape kafkajs takes (KafkaConfig's
 * brokers, ssl and sasl), so `new Kafka({ clientId, ...connection })` is the one way to build one.
 */
export interface KafkaConnection {
  brokers: string[];
  ssl?: boolean;
  sasl?: SaslCredentials;
}

type SaslMechanism = Exclude<(typeof SASL_MECHANISMS)[number], 'none'>;
/** One object type per mechanism, as kafkajs declares them (a union it can narrow). */
type SaslCredentials = { [M in SaslMechanism]: { mechanism: M; username: string; password: string } }[SaslMechanism];

const kafkaConnection = (env: { KAFKA_BROKERS: string[]; KAFKA_TLS: 'true' | 'false'; KAFKA_SASL_MECHANISM: (typeof SASL_MECHANISMS)[number]; KAFKA_USERNAME?: string; KAFKA_PASSWORD?: string }): KafkaConnection => ({
  brokers: env.KAFKA_BROKERS,
  ...(env.KAFKA_TLS === 'true' ? { ssl: true } : {}),
  ...(env.KAFKA_SASL_MECHANISM === 'none' ? {} : { sasl: { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_USERNAME!, password: env.KAFKA_PASSWORD! } as SaslCredentials }),
});

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
    KAFKA_SASL_MECHANISM: z.enum(SASL_MECHANISMS, {
      error: (issue) => (issue.input === undefined
        ? required('how the app authenticates to Kafka: scram-sha-512, scram-sha-256, plain, or none')
        : 'must be none, plain, scram-sha-256 or scram-sha-512'),
    }),
    KAFKA_USERNAME: z.string().optional(),
    KAFKA_PASSWORD: z.string().optional(),
    // TLS to the brokers (SASL_SSL); the system's trusted CAs apply (NODE_EXTRA_CA_CERTS adds one).
    KAFKA_TLS: z.enum(['true', 'false'], { error: 'must be true or false' }),
    // Optional: the bearer token a scraper must send for /metrics (see libs/metrics, metricsAccess).
    METRICS_TOKEN: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
    COMMAND_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100).max(120000),
    PG_STATEMENT_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100),
    PG_LOCK_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100),
    PG_CONNECT_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100),
  })
  .superRefine((env, ctx) => {
    if (env.KAFKA_SASL_MECHANISM !== 'none') {
      if (!env.KAFKA_USERNAME) ctx.addIssue({ code: 'custom', path: ['KAFKA_USERNAME'], message: `required with KAFKA_SASL_MECHANISM=${env.KAFKA_SASL_MECHANISM}: this app's Kafka user` });
      if (!env.KAFKA_PASSWORD) ctx.addIssue({ code: 'custom', path: ['KAFKA_PASSWORD'], message: `required with KAFKA_SASL_MECHANISM=${env.KAFKA_SASL_MECHANISM}: this app's Kafka password` });
    }
    if (env.NODE_ENV !== 'production') return;
    if (env.KAFKA_PASSWORD?.startsWith(DEV_KAFKA_PASSWORD_PREFIX)) ctx.addIssue({ code: 'custom', path: ['KAFKA_PASSWORD'], message: 'a development password is refused in production' });
    if (env.JWT_SECRET === DEV_JWT_SECRET) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'the development default is refused in production' });
    if (env.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD) ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'the development default is refused in production' });
  })
  .transform((env) => ({
    nodeEnv: env.NODE_ENV,
    host: env.HOST,
    kafka: kafkaConnection(env),
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
    metricsToken: env.METRICS_TOKEN,
    commandTimeoutMs: env.COMMAND_TIMEOUT_MS,
    postgresTimeouts: { statementMs: env.PG_STATEMENT_TIMEOUT_MS, lockMs: env.PG_LOCK_TIMEOUT_MS, connectMs: env.PG_CONNECT_TIMEOUT_MS },
  }));

export type AppConfig = z.output<typeof configSchema>;
export type AppName = keyof AppConfig['ports'];
