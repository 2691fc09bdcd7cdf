import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { codes, gql } from '../support/graphql-client';
import { readMailbox } from '../support/mailbox';
import { System } from '../support/system';
import { waitFor } from '../support/wait-for';

const REGISTER = `mutation Register($input: RegisterUserInput!) {
  registerUser(input: $input) { token user { id email name role registeredAt } } }`;
const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id email role } } }`;
const ME = `{ me { id email name role } }`;

const email = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.test`;

describe('Users through the GraphQL gateway (register, log in, roles, read-your-writes)', () => {
  const system = new System();
  let url: string;
  beforeAll(async () => {
    await system.start(['user', 'consumers', 'gateway']);
    url = system.gatewayUrl;
  });
  afterAll(() => system.stop());

  const register = (input: { email: string; name: string; password: string }) => gql(url, REGISTER, { input });

  it('registers, logs in and answers `me`; the new user is readable at once', async () => {
    const address = email('ada');
    const reg = await register({ email: address, name: 'Ada Lovelace', password: 'correct horse' });
    expect(reg.errors).toBeUndefined();
    const { token, user } = reg.data.registerUser;
    expect(user).toMatchObject({ email: address, name: 'Ada Lovelace', role: 'CUSTOMER' });

    expect((await gql(url, ME, {}, token)).data.me).toEqual({ id: user.id, email: address, name: 'Ada Lovelace', role: 'CUSTOMER' });
    const login = await gql(url, LOGIN, { email: address.toUpperCase(), password: 'correct horse' });
    expect(login.data.login.user).toEqual({ id: user.id, email: address, role: 'CUSTOMER' });
    expect((await gql(url, ME, {}, login.data.login.token)).data.me.id).toBe(user.id);
  });

  it('signs out everywhere: every token issued before logout is refused, here and after a gateway restart; a new sign-in works', async () => {
    const address = email('grace');
    const first = (await register({ email: address, name: 'Grace', password: 'correct horse' })).data.registerUser.token as string;
    const second = (await gql(url, LOGIN, { email: address, password: 'correct horse' })).data.login.token as string;

    // A subscription opened with the first token ends when its user signs out (graphql-ws 4401).
    let connected!: () => void;
    const accepted = new Promise<void>((resolve) => (connected = resolve));
    const socket = createClient({ url: system.gatewayWsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${first}` }, retryAttempts: 0, on: { connected } });
    const closed = new Promise<number | undefined>((resolve) => {
      socket.subscribe({ query: 'subscription { notificationReceived { id } }' }, { next: () => undefined, error: (e) => resolve((e as { code?: number }).code), complete: () => resolve(undefined) });
    });
    // Accepted (the server checked the token and watches it) before signing out.
    await accepted;

    expect(await gql(url, `mutation { logout }`, {}, second)).toEqual({ data: { logout: true } });
    expect(await Promise.race([closed, new Promise((_, reject) => setTimeout(() => reject(new Error('the subscription outlived the sign-out by 10 s')), 10_000).unref())])).toBe(4401);
    await socket.dispose();
    for (const old of [first, second]) {
      const refused = await gql(url, ME, {}, old);
      expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
      expect(refused.errors?.[0].message).toBe('The token was revoked; sign in again');
    }
    const fresh = (await gql(url, LOGIN, { email: address, password: 'correct horse' })).data.login.token as string;
    expect((await gql(url, ME, {}, fresh)).data.me.email).toBe(address);

    // The revocation lives in the read model, not in the gateway's memory.
    await system.restart('gateway');
    url = system.gatewayUrl;
    expect(codes(await gql(url, ME, {}, second))).toEqual(['UNAUTHENTICATED']);
    expect((await gql(url, ME, {}, fresh)).data.me.email).toBe(address);
    expect(codes(await gql(url, `mutation { logout }`))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses the same email in another letter case with CONFLICT', async () => {
    const address = email('grace');
    expect((await register({ email: address, name: 'Grace', password: 'hopper1234' })).errors).toBeUndefined();
    const again = await register({ email: address.toUpperCase(), name: 'Grace Again', password: 'hopper1234' });
    expect(codes(again)).toEqual(['CONFLICT']);
  });

  it('answers BAD_USER_INPUT naming the field for a malformed email and a short password', async () => {
    const badEmail = await register({ email: 'not-an-email', name: 'X', password: 'long enough' });
    expect(badEmail.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const shortPassword = await register({ email: email('short'), name: 'X', password: 'short' });
    expect(shortPassword.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('gives the same UNAUTHENTICATED answer for a wrong password and an unknown email', async () => {
    const address = email('alan');
    await register({ email: address, name: 'Alan', password: 'enigma-1234' });
    const wrong = await gql(url, LOGIN, { email: address, password: 'enigma-9999' });
    const unknown = await gql(url, LOGIN, { email: email('nobody'), password: 'enigma-1234' });
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors).toEqual(wrong.errors);
  });

  it('lets a customer read only their own user; another id is FORBIDDEN', async () => {
    const a = (await register({ email: email('a'), name: 'A', password: 'password-a' })).data.registerUser;
    const b = (await register({ email: email('b'), name: 'B', password: 'password-b' })).data.registerUser;
    const USER = `query U($id: ID!) { user(id: $id) { id email } }`;
    expect((await gql(url, USER, { id: a.user.id }, a.token)).data.user.id).toBe(a.user.id);
    expect(codes(await gql(url, USER, { id: b.user.id }, a.token))).toEqual(['FORBIDDEN']);
  });

  it('answers `me` without a token with null, and refuses a tampered or unsigned token', async () => {
    const noToken = await gql(url, ME);
    expect(noToken.data?.me ?? null).toBeNull();
    const { token } = (await register({ email: email('eve'), name: 'Eve', password: 'password-eve' })).data.registerUser;
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
    expect(codes(await gql(url, ME, {}, `${header}.${forged}.${signature}`))).toEqual(['UNAUTHENTICATED']);
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(codes(await gql(url, ME, {}, `${none}.${forged}.`))).toEqual(['UNAUTHENTICATED']);
  });

  it('sends the welcome email exactly once', async () => {
    const address = email('welcome');
    await register({ email: address, name: 'Wendy Welcome', password: 'password-w' });
    const mails = await waitFor('the welcome email', async () => {
      const got = (await readMailbox()).filter((m) => m.envelope.to.includes(address));
      return got.length ? got : undefined;
    });
    expect(mails[0].mail.text).toContain('Wendy Welcome');
    // Exactly once: a later user's welcome arrives (same consumer, same partition order or not),
    // and still only one mail went to this address.
    const sentinel = email('sentinel');
    await register({ email: sentinel, name: 'Sentinel', password: 'password-s' });
    await waitFor('the sentinel welcome email', async () => (await readMailbox()).some((m) => m.envelope.to.includes(sentinel)));
    expect((await readMailbox()).filter((m) => m.envelope.to.includes(address))).toHaveLength(1);
  });

  it('refuses a query nested 20 deep and keeps serving', async () => {
    // __schema > types > fields > type > 16 x ofType > name: 21 levels.
    const deep = `{ __schema { types { fields { type { ${'ofType { '.repeat(16)}name${' }'.repeat(16)} } } } } }`;
    const refused = await gql(url, deep);
    expect(refused.data ?? null).toBeNull();
    expect(codes(refused)).toContain('BAD_USER_INPUT');
    expect((await gql(url, ME)).errors).toBeUndefined();
  });

  it('registers 50 users in parallel; all succeed and all are readable', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => register({ email: email(`bulk${i}`), name: `Bulk ${i}`, password: `password-${i}` })),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const mes = await Promise.all(results.map((r) => gql(url, ME, {}, r.data.registerUser.token)));
    expect(mes.map((m) => m.data.me.id).sort()).toEqual(results.map((r) => r.data.registerUser.user.id).sort());
  });
});
