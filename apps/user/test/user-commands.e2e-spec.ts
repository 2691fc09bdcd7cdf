import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ClientKafka } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { lastValueFrom, timeout } from 'rxjs';
import { COMMANDS, type CommandPattern, type CommandReply } from '@app/commands';
import { loadConfig } from '@app/config';
import { sealFor, signedAs } from '../../../test/support/command-security';
import { assertTestDatabase } from '../../../test/support/test-env';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import type { AuthenticatedUser } from '../src/commands/authenticate-user/authenticate-user.command';
import { RegisterUserCommand, type RegisteredUser } from '../src/commands/register-user/register-user.command';
import { parseRegisterUserInput } from '../src/commands/register-user/register-user.input';
import { USER_SETTINGS, type UserSettings } from '../src/user-settings';
import { startCommandServer } from '@app/commands';

assertTestDatabase();

const run = randomUUID().slice(0, 8);
// An admin of this run only, so that "seeded at first boot" is really tested on every run.
process.env.ADMIN_EMAIL = `admin-${run}@example.test`;
const config = loadConfig();
const password = 'correct horse battery staple';

/** Low allowances, to reach them; every command of this suite names an address of this run (the counters outlive it). */
const LIMITS: UserSettings = { loginFailuresPerAddress: 6, loginFailuresPerAccount: 3, loginWindowMs: 15 * 60_000, registrationsPerAddress: 4, registrationWindowMs: 60 * 60_000 };
const at = (tag: string) => `${tag}-${run}`;

const bootUserApp = async (withCommands: boolean): Promise<INestApplication> => {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).overrideProvider(USER_SETTINGS).useValue(LIMITS).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  // A group of this run: a user service running elsewhere on this broker must not take our commands.
  if (withCommands) await startCommandServer(app, { clientId: `user-e2e-${run}`, groupId: `user-commands-e2e-${run}` });
  await app.listen(0, '127.0.0.1');
  return app;
};

describe('the user service over Kafka request/reply', () => {
  let app: INestApplication;
  let client: ClientKafka;
  let db: Pool;

  /** As the gateway sends it: signed, the password sealed to the user service (unless `clearPassword`). */
  const send = <R>(pattern: CommandPattern, data: Record<string, unknown>, commandId: string = randomUUID(), timeoutMs = 20000, clearPassword = false): Promise<CommandReply<R>> => {
    const secret = data.password;
    const sealed = { clientAddress: at('suite'), ...data, ...(typeof secret === 'string' && !clearPassword ? { password: sealFor('user', 'password', secret) } : {}) };
    const value = signedAs('gateway', pattern, { commandId, correlationId: `corr-${commandId}`, issuedBy: null, data: sealed });
    return lastValueFrom(client.send<CommandReply<R>>(pattern, { key: commandId, value }).pipe(timeout(timeoutMs)));
  };
  const register = (data: Record<string, unknown>, commandId?: string) => send<RegisteredUser>(COMMANDS.registerUser, data, commandId);
  const authenticate = (data: Record<string, unknown>) => send<AuthenticatedUser>(COMMANDS.authenticateUser, data);
  const userEvents = async (userId: string) =>
    (await db.query(`SELECT event_type, schema_version, payload, metadata FROM users.events WHERE stream_id = $1 ORDER BY stream_version`, [`user-${userId}`])).rows;
  const credentialsOf = async (email: string) => (await db.query(`SELECT * FROM users.credentials WHERE email_lower = $1`, [email])).rows;

  beforeAll(async () => {
    db = new Pool({ connectionString: config.databaseUrl, max: 2 });
    app = await bootUserApp(true);
    client = new ClientKafka({
      client: { clientId: `user-e2e-client-${run}`, brokers: config.kafka.brokers, logLevel: logLevel.WARN },
      consumer: { groupId: `user-e2e-client-${run}` },
      postfixId: '',
    });
    client.subscribeToResponseOf(COMMANDS.registerUser);
    client.subscribeToResponseOf(COMMANDS.authenticateUser);
    await client.connect();
    // Both new groups start at the latest offset once they have joined; until then a request is
    // lost or refused (no reply partition yet), so ask until one is answered.
    await waitFor(
      'the user service to answer a command',
      () => send(COMMANDS.authenticateUser, { email: `probe-${run}@example.test`, password, clientAddress: at('probe') }, randomUUID(), 3000).then(() => true, () => false),
      { timeoutMs: 90000, intervalMs: 100 },
    );
  });

  afterAll(async () => {
    await client?.close();
    await app?.close();
    await db?.end();
  });

  const email = `Ada.${run}@Example.Test`;
  const commandId = randomUUID();
  let first: RegisteredUser;

  it('registers a customer and replies with the user and the command result', async () => {
    const reply = await register({ email: `  ${email} `, name: ' Ada Lovelace ', password }, commandId);

    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    first = reply.result;
    expect(first).toEqual({
      user: { id: expect.any(String), email: email.toLowerCase(), name: 'Ada Lovelace', role: 'CUSTOMER', registeredAt: expect.any(String) },
      result: { aggregateId: first.user.id, version: 1, position: expect.stringMatching(/^\d+$/) },
    });
    expect(Number.isNaN(Date.parse(first.user.registeredAt))).toBe(false);
    expect(JSON.stringify(reply)).not.toMatch(/password|scrypt|battery/i);
  });

  it('stores the credentials and exactly one UserRegistered, which carries no secret', async () => {
    const [row] = await credentialsOf(email.toLowerCase());
    expect(row).toMatchObject({ user_id: first.user.id, email: email.toLowerCase(), role: 'CUSTOMER', command_id: commandId });
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);

    const events = await userEvents(first.user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event_type: 'UserRegistered', schema_version: 2 });
    expect(events[0].payload).toEqual({ userId: first.user.id, email: email.toLowerCase(), name: 'Ada Lovelace', role: 'CUSTOMER' });
    expect(events[0].metadata).toMatchObject({ correlationId: `corr-${commandId}`, causationId: commandId, userId: first.user.id });
    expect(JSON.stringify(events[0])).not.toContain(row.password_hash.split('$')[5]);
  });

  it('answers a retried command with the first result and appends nothing', async () => {
    const again = await register({ email, name: 'Ada Lovelace', password }, commandId);

    expect(again).toEqual({ ok: true, result: first });
    expect(await userEvents(first.user.id)).toHaveLength(1);
    expect(await credentialsOf(email.toLowerCase())).toHaveLength(1);
  });

  it('creates one user when two attempts of one command run at once (e.g. a retry racing the first)', async () => {
    const bus = app.get(CommandBus);
    const input = parseRegisterUserInput({ email: `twice-${run}@example.test`, name: 'Twice', password, clientAddress: at('suite') });
    const meta = { commandId: randomUUID(), correlationId: randomUUID() };

    const [a, b] = await Promise.all([bus.execute(new RegisterUserCommand(input, meta)), bus.execute(new RegisterUserCommand(input, meta))]);

    expect(b).toEqual(a);
    expect(await userEvents(a.user.id)).toHaveLength(1);
  });

  it('refuses the same email in another letter case as a CONFLICT on email', async () => {
    const reply = await register({ email: email.toUpperCase(), name: 'Impostor', password });

    expect(reply).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.any(String), field: 'email' } });
  });

  it.each([
    ['email', { email: 'not-an-email', name: 'Bad', password }],
    ['password', { email: `short-${run}@example.test`, name: 'Bad', password: 'short' }],
    ['name', { email: `noname-${run}@example.test`, name: '  ', password }],
  ])('refuses a bad %s as BAD_USER_INPUT naming it', async (field, data) => {
    const reply = await register(data);

    expect(reply).toEqual({ ok: false, error: { code: 'BAD_USER_INPUT', message: expect.any(String), field } });
  });

  it('refuses a message that is not a CommandMessage with BAD_USER_INPUT', async () => {
    const reply = await lastValueFrom(client.send<CommandReply<unknown>>(COMMANDS.registerUser, { data: { email } }).pipe(timeout(20000)));

    expect(reply).toEqual({ ok: false, error: { code: 'BAD_USER_INPUT', message: expect.any(String), field: 'commandId' } });
  });

  it('refuses a password in clear, and an unsigned command, whatever they claim', async () => {
    const clear = await send(COMMANDS.authenticateUser, { email, password }, randomUUID(), 20000, true);
    expect(clear).toEqual({ ok: false, error: { code: 'BAD_USER_INPUT', message: 'password must be sealed to this service', field: 'password' } });

    const commandId = randomUUID();
    const unsigned = { commandId, correlationId: commandId, issuedBy: null, data: { email, password: sealFor('user', 'password', password) } };
    const reply = await lastValueFrom(client.send<CommandReply<unknown>>(COMMANDS.authenticateUser, { key: commandId, value: unsigned }).pipe(timeout(20000)));
    expect(reply).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'the command is not signed', field: 'auth' } });
  });

  it('authenticates the right password, whatever the email case', async () => {
    const reply = await authenticate({ email: email.toUpperCase(), password });

    expect(reply).toEqual({ ok: true, result: { id: first.user.id, email: email.toLowerCase(), name: 'Ada Lovelace', role: 'CUSTOMER' } });
  });

  it('gives a wrong password and an unknown email the very same refusal', async () => {
    const wrongPassword = await authenticate({ email, password: `${password}!` });
    const unknownEmail = await authenticate({ email: `nobody-${run}@example.test`, password });

    expect(wrongPassword).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'invalid email or password' } });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it('seeds the admin at boot with role ADMIN, and a second boot does not seed it again', async () => {
    const admin = config.admin.email;
    const login = await authenticate({ email: admin, password: config.admin.password });
    expect(login).toEqual({ ok: true, result: { id: expect.any(String), email: admin, name: 'Administrator', role: 'ADMIN' } });
    if (!login.ok) return;
    expect((await userEvents(login.result.id)).map((e) => e.payload.role)).toEqual(['ADMIN']);

    const second = await bootUserApp(false);
    await second.close();

    expect(await credentialsOf(admin)).toHaveLength(1);
    expect(await userEvents(login.result.id)).toHaveLength(1);
  });

  describe('limits that hold for every gateway replica (the service counts in its own tables)', () => {
    const refused = { ok: false, error: { code: 'RATE_LIMITED', message: 'too many attempts; retry later' } };

    it('holds back guessing at one account from many addresses, but not its owner at an address it signed in from', async () => {
      const victim = `victim-${run}@example.test`;
      expect(await register({ email: victim, name: 'Victim', password, clientAddress: at('home') })).toMatchObject({ ok: true });
      expect(await authenticate({ email: victim, password, clientAddress: at('home') })).toMatchObject({ ok: true });
      for (let i = 0; i < LIMITS.loginFailuresPerAccount; i++) {
        expect(await authenticate({ email: victim, password: `guess-${i}-x`, clientAddress: at(`botnet-${i}`) })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      }

      // Past the account's allowance a new address is held back, even with the right password...
      expect(await authenticate({ email: victim, password, clientAddress: at('botnet-new') })).toEqual(refused);
      // ...but the owner, from where the account signed in before, is not locked out.
      expect(await authenticate({ email: victim, password, clientAddress: at('home') })).toMatchObject({ ok: true, result: { email: victim } });
    });

    it('holds back one address trying many accounts, and no other address', async () => {
      for (let i = 0; i < LIMITS.loginFailuresPerAddress; i++) {
        expect(await authenticate({ email: `scan-${i}-${run}@example.test`, password, clientAddress: at('scanner') })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      }

      expect(await authenticate({ email, password, clientAddress: at('scanner') })).toEqual(refused);
      expect(await authenticate({ email, password, clientAddress: at('elsewhere') })).toMatchObject({ ok: true });
    });

    it('limits sign-ups per address, and stores nothing for a refused one', async () => {
      for (let i = 0; i < LIMITS.registrationsPerAddress; i++) {
        expect(await register({ email: `signup-${i}-${run}@example.test`, name: 'Many', password, clientAddress: at('signups') })).toMatchObject({ ok: true });
      }

      expect(await register({ email: `signup-last-${run}@example.test`, name: 'Many', password, clientAddress: at('signups') })).toEqual(refused);
      expect(await credentialsOf(`signup-last-${run}@example.test`)).toEqual([]);
      expect(await register({ email: `signup-other-${run}@example.test`, name: 'Other', password, clientAddress: at('another') })).toMatchObject({ ok: true });
    });
  });
});
