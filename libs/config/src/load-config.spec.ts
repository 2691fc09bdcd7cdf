import { DEV_ADMIN_PASSWORD, DEV_JWT_SECRET, DEV_KAFKA_PASSWORD_PREFIX } from './config.schema';
import { ConfigError, loadConfig } from './load-config';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('applies the local defaults, dev secrets included, when development is asked for', () => {
    expect(loadConfig({ NODE_ENV: 'development' })).toEqual({
      nodeEnv: 'development',
      host: '127.0.0.1',
      kafka: { brokers: ['127.0.0.1:9092'] },
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/commerce',
      elasticsearchNode: 'http://127.0.0.1:9200',
      smtpUrl: 'smtp://127.0.0.1:1025',
      ports: { gateway: 3000, order: 3001, user: 3002, payment: 3003, consumers: 3004 },
      jwtSecret: DEV_JWT_SECRET,
      admin: { email: 'admin@example.com', password: DEV_ADMIN_PASSWORD },
      commandTimeoutMs: 10000,
      postgresTimeouts: { statementMs: 30000, lockMs: 10000, connectMs: 5000 },
    });
  });

  it('reads every variable from the given environment', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_USERNAME: 'commerce-order',
      KAFKA_PASSWORD: 'a-kafka-password',
      KAFKA_TLS: 'true',
      DATABASE_URL: 'postgresql://app:pw@db:5432/shop',
      ELASTICSEARCH_NODE: 'https://search:9200',
      SMTP_URL: 'smtps://mail:465',
      GATEWAY_PORT: '8080',
      ORDER_PORT: '8081',
      USER_PORT: '8082',
      PAYMENT_PORT: '8083',
      CONSUMERS_PORT: '8084',
      JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
      ADMIN_EMAIL: 'Ops@Shop.example',
      ADMIN_PASSWORD: 'a-real-admin-password',
      COMMAND_TIMEOUT_MS: '5000',
      PG_STATEMENT_TIMEOUT_MS: '15000',
      PG_LOCK_TIMEOUT_MS: '2000',
      PG_CONNECT_TIMEOUT_MS: '3000',
    });

    expect(config).toEqual({
      nodeEnv: 'production',
      host: '0.0.0.0',
      kafka: {
        brokers: ['kafka-1:9092', 'kafka-2:9092'],
        ssl: true,
        sasl: { mechanism: 'scram-sha-512', username: 'commerce-order', password: 'a-kafka-password' },
      },
      databaseUrl: 'postgresql://app:pw@db:5432/shop',
      elasticsearchNode: 'https://search:9200',
      smtpUrl: 'smtps://mail:465',
      ports: { gateway: 8080, order: 8081, user: 8082, payment: 8083, consumers: 8084 },
      jwtSecret: 'a-production-secret-of-at-least-32-chars',
      admin: { email: 'ops@shop.example', password: 'a-real-admin-password' },
      commandTimeoutMs: 5000,
      postgresTimeouts: { statementMs: 15000, lockMs: 2000, connectMs: 3000 },
    });
  });

  it('takes an unset NODE_ENV for production, where the secrets have no default', () => {
    const err = configError({});
    expect(err.variables.sort()).toEqual(['ADMIN_PASSWORD', 'JWT_SECRET', 'KAFKA_SASL_MECHANISM']);
    expect(err.message).toContain('JWT_SECRET: required: ');
    expect(err.message).toContain('KAFKA_SASL_MECHANISM: required: how the app authenticates to Kafka');
    expect(loadConfig({ NODE_ENV: 'test' }).jwtSecret).toBe(DEV_JWT_SECRET);
  });

  it('refuses the development JWT secret and admin password in production', () => {
    const err = configError({ NODE_ENV: 'production', KAFKA_SASL_MECHANISM: 'none', JWT_SECRET: DEV_JWT_SECRET, ADMIN_PASSWORD: DEV_ADMIN_PASSWORD });
    expect(err.variables.sort()).toEqual(['ADMIN_PASSWORD', 'JWT_SECRET']);
    expect(err.message).not.toContain(DEV_ADMIN_PASSWORD);
    expect(err.message).not.toContain(DEV_JWT_SECRET);
  });

  it('asks for the user and password a SASL mechanism needs, in any environment', () => {
    const err = configError({ NODE_ENV: 'development', KAFKA_SASL_MECHANISM: 'scram-sha-512' });
    expect(err.variables.sort()).toEqual(['KAFKA_PASSWORD', 'KAFKA_USERNAME']);
    expect(configError({ NODE_ENV: 'development', KAFKA_SASL_MECHANISM: 'kerberos' }).variables).toEqual(['KAFKA_SASL_MECHANISM']);
  });

  it('accepts an explicit KAFKA_SASL_MECHANISM=none in production, but no docker-compose password', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), ADMIN_PASSWORD: 'a-real-admin-password' };
    expect(loadConfig({ ...prod, KAFKA_SASL_MECHANISM: 'none' }).kafka).toEqual({ brokers: ['127.0.0.1:9092'] });
    const devPassword = `${DEV_KAFKA_PASSWORD_PREFIX}kafka-order`;
    const err = configError({ ...prod, KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'commerce-order', KAFKA_PASSWORD: devPassword });
    expect(err.variables).toEqual(['KAFKA_PASSWORD']);
    expect(err.message).toContain('KAFKA_PASSWORD: a development password is refused in production');
    expect(err.message).not.toContain(devPassword);
    expect(loadConfig({ NODE_ENV: 'development', KAFKA_SASL_MECHANISM: 'plain', KAFKA_USERNAME: 'u', KAFKA_PASSWORD: devPassword }).kafka.sasl?.password).toBe(devPassword);
  });

  it('refuses a short JWT secret in any environment', () => {
    expect(configError({ NODE_ENV: 'development', JWT_SECRET: 'short' }).variables).toEqual(['JWT_SECRET']);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ NODE_ENV: 'development', ORDER_PORT: '', KAFKA_BROKERS: '' })).toMatchObject({
      kafka: { brokers: ['127.0.0.1:9092'] },
      ports: { order: 3001 },
    });
  });

  it.each([
    ['NODE_ENV', 'staging'],
    ['KAFKA_BROKERS', 'kafka-1:9092,kafka-2'],
    ['DATABASE_URL', 'mysql://root@db/shop'],
    ['ELASTICSEARCH_NODE', 'search:9200'],
    ['SMTP_URL', 'http://mail:25'],
    ['GATEWAY_PORT', 'http'],
    ['ORDER_PORT', '70000'],
    ['USER_PORT', '30.5'],
    ['PAYMENT_PORT', '0'],
  ])('rejects an invalid %s with an error naming it', (variable, value) => {
    // Settings of its own: an invalid NODE_ENV is no dev mode, and the secrets would be missing too.
    const error = configError({ NODE_ENV: 'development', JWT_SECRET: 'k'.repeat(32), ADMIN_PASSWORD: 'a-password', KAFKA_SASL_MECHANISM: 'none', [variable]: value });

    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.variables).toEqual([variable]);
    expect(error.message).toContain(`${variable}: must be`);
  });

  it('reports every invalid variable in one error', () => {
    const error = configError({ NODE_ENV: 'development', USER_PORT: 'x', SMTP_URL: 'nope' });

    expect(error.variables.sort()).toEqual(['SMTP_URL', 'USER_PORT']);
  });

  it('never echoes a value, which may hold a password', () => {
    const error = configError({ DATABASE_URL: 'mysql://app:s3cret@db/shop' });

    expect(error.message).not.toContain('s3cret');
  });
});
