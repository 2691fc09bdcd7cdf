import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEV_ADMIN_PASSWORD, DEV_JWT_SECRET, DEV_KAFKA_PASSWORD_PREFIX } from '../../libs/config/src/config.schema';
import { DEV_KEY_SETTINGS } from '../../libs/config/src/service-keys';
import { ALL_APPS, type AppName } from '../support/system';

const ROOT = join(__dirname, '..', '..');

/** Starts one built app (dist/, as `npm start` runs it) with exactly `env`, and waits for it to exit. */
const startBare = (app: AppName, env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'tsconfig-paths/register', join('dist', 'apps', app, 'src', 'main.js')], {
      cwd: ROOT,
      // Nothing of this test run's environment: only what a bare shell would have.
      env: { PATH: process.env.PATH ?? '', TS_NODE_BASEURL: './dist', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A deadline, not a sleep: an app that does not refuse would run (and listen) until killed.
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${app} was still running after 20 s: it did not refuse to start`));
    }, 20000);
    child.on('exit', (code) => {
      clearTimeout(deadline);
      resolve({ code, stderr, stdout });
    });
  });

describe('apps fail closed on missing or development settings', () => {
  it.each(ALL_APPS)('%s started bare (no NODE_ENV, no secrets) exits 78 naming every missing setting', async (app) => {
    const { code, stderr, stdout } = await startBare(app, {});
    expect(code).toBe(78);
    expect(stderr).toContain('NODE_ENV=unset, so production');
    for (const variable of ['JWT_SECRET', 'ADMIN_PASSWORD', 'COMMERCE_NAMESPACE', 'KAFKA_SASL_MECHANISM']) expect(stderr).toContain(`- ${variable}: `);
    // One clear message, not a stack trace; and the app got nowhere near listening.
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stdout).not.toContain('listening');
  });

  it('refuses the published development secrets in production, without printing them', async () => {
    const kafkaPassword = `${DEV_KAFKA_PASSWORD_PREFIX}kafka-gateway`;
    const { code, stderr } = await startBare('gateway', {
      NODE_ENV: 'production', COMMERCE_NAMESPACE: 'prod', JWT_SECRET: DEV_JWT_SECRET, ADMIN_PASSWORD: DEV_ADMIN_PASSWORD,
      KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: 'commerce-gateway', KAFKA_PASSWORD: kafkaPassword,
    });
    expect(code).toBe(78);
    expect(stderr).toContain('- KAFKA_PASSWORD: a development password is refused in production');
    expect(stderr).not.toContain(kafkaPassword);
    expect(stderr).toContain('- JWT_SECRET: the development default is refused in production');
    expect(stderr).toContain('- ADMIN_PASSWORD: the development default is refused in production');
    expect(stderr).not.toContain(DEV_JWT_SECRET);
    expect(stderr).not.toContain(DEV_ADMIN_PASSWORD);
  });

  // Every shared setting right, only the app's own command-bus keys missing: it still must not start.
  const SHARED = { NODE_ENV: 'production', COMMERCE_NAMESPACE: 'prod', JWT_SECRET: 'x'.repeat(40), ADMIN_PASSWORD: 'a-production-password', KAFKA_SASL_MECHANISM: 'none' };
  const OWN_KEY: Record<AppName, string | undefined> = { gateway: 'GATEWAY_COMMAND_KEY', order: 'ORDER_COMMAND_KEY', user: 'USER_SEALING_KEY', payment: 'PAYMENT_SEALING_KEY', consumers: undefined };

  it.each(ALL_APPS)('%s without its command-bus keys exits 78 naming them', async (app) => {
    const { code, stderr, stdout } = await startBare(app, SHARED);
    expect(code).toBe(78);
    expect(stderr).toContain('- COMMAND_PUBLIC_KEYS: required');
    if (OWN_KEY[app]) expect(stderr).toContain(`- ${OWN_KEY[app]}: required`);
    expect(stdout).not.toContain('listening');
  });

  it('refuses the published development keys in production, without printing them', async () => {
    const { code, stderr } = await startBare('order', { ...SHARED, ORDER_COMMAND_KEY: DEV_KEY_SETTINGS.ORDER_COMMAND_KEY, COMMAND_PUBLIC_KEYS: DEV_KEY_SETTINGS.COMMAND_PUBLIC_KEYS });
    expect(code).toBe(78);
    expect(stderr).toContain('- ORDER_COMMAND_KEY: the development default is refused in production');
    expect(stderr).toContain('- COMMAND_PUBLIC_KEYS: the development default is refused in production');
    expect(stderr).not.toContain(DEV_KEY_SETTINGS.ORDER_COMMAND_KEY);
  });
});
