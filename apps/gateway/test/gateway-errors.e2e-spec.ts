import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getIntrospectionQuery } from 'graphql';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { APP_CONFIG, loadConfig } from '@app/config';
import { assertTestDatabase } from '../../../test/support/test-env';
import { signTestToken } from '../../../test/support/tokens';
import { AppModule } from '../src/app.module';
import { GATEWAY_SETTINGS, loadGatewaySettings } from '../src/gateway-settings';

assertTestDatabase();

const config = { ...loadConfig(), commandTimeoutMs: 1000 };
const LOGINS_PER_IP = 3;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const tokenFor = (role: 'CUSTOMER' | 'ADMIN', options: jwt.SignOptions = {}) => signTestToken(config.jwtSecret, randomUUID(), role, options);
const nested = (depth: number): string => (depth === 0 ? 'name' : `ofType { ${nested(depth - 1)} }`);

describe('the gateway, on requests it must refuse', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      // A short command timeout: with no user service running, login answers UNAVAILABLE quickly.
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .overrideProvider(GATEWAY_SETTINGS)
      .useValue({ ...loadGatewaySettings(), loginLimit: { perIp: LOGINS_PER_IP, windowMs: 60_000 } })
      .compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Posts an operation; every answer is also checked for leaks (stack traces, exceptions, extra extensions). */
  const gql = async (query: string, { token, variables }: { token?: string; variables?: object } = {}) => {
    const req = request(app.getHttpServer()).post('/graphql').set('Content-Type', 'application/json');
    if (token !== undefined) req.set('Authorization', `Bearer ${token}`);
    const response = await req.send({ query, variables });
    const body = response.body as GraphQLBody;
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|exception/i);
    for (const error of body.errors ?? []) expect(Object.keys(error.extensions).filter((key) => key !== 'code' && key !== 'field')).toEqual([]);
    return { status: response.status, body, codes: (body.errors ?? []).map((e) => e.extensions.code) };
  };

  it('answers me with null for a caller without a token', async () => {
    const { body } = await gql('{ me { id } }');

    expect(body).toEqual({ data: { me: null } });
  });

  it('refuses a token whose payload was tampered with', async () => {
    const [header, payload, signature] = tokenFor('CUSTOMER').split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = [header, base64url({ ...claims, role: 'ADMIN' }), signature].join('.');

    const { codes, body } = await gql('{ me { id } }', { token: forged });

    expect(codes).toEqual(['UNAUTHENTICATED']);
    expect(body.data).toEqual({ me: null });
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const claims = { sub: randomUUID(), role: 'ADMIN', email: 'admin@example.com', exp: Math.floor(Date.now() / 1000) + 3600 };
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;

    expect((await gql('{ me { id } }', { token: unsigned })).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an expired token, one signed with another secret, one that never expires, and one of another issuer or audience', async () => {
    const expired = tokenFor('CUSTOMER', { expiresIn: -10 });
    const foreign = jwt.sign({ role: 'ADMIN', email: 'a@example.com' }, 'another-secret-of-at-least-32-characters', { subject: randomUUID() });
    const { exp: _exp, ...claims } = jwt.decode(tokenFor('ADMIN')) as jwt.JwtPayload;
    const neverExpires = jwt.sign(claims, config.jwtSecret, { algorithm: 'HS256' });
    const otherIssuer = tokenFor('ADMIN', { issuer: 'someone-else' });
    const otherAudience = tokenFor('ADMIN', { audience: 'another-api' });

    for (const token of [expired, foreign, neverExpires, otherIssuer, otherAudience]) {
      expect((await gql('{ me { id } }', { token })).codes).toEqual(['UNAUTHENTICATED']);
    }
    // The same claims with an expiry are accepted: what was refused above is the missing exp.
    expect((await gql('{ me { id } }', { token: jwt.sign(claims, config.jwtSecret, { algorithm: 'HS256', expiresIn: 60 }) })).codes).toEqual([]);
  });

  it('asks for a token to read a user, and lets a customer read only their own', async () => {
    const other = randomUUID();

    expect((await gql(`{ user(id: "${other}") { id } }`)).codes).toEqual(['UNAUTHENTICATED']);
    expect((await gql(`{ user(id: "${other}") { id } }`, { token: tokenFor('CUSTOMER') })).codes).toEqual(['FORBIDDEN']);
  });

  it('names the field when an admin asks for an id that is not a UUID', async () => {
    const { body } = await gql('{ user(id: "not-a-uuid") { id } }', { token: tokenFor('ADMIN') });

    expect(body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('refuses an operation nested 20 deep, and keeps serving', async () => {
    const deep = await gql(`{ __type(name: "User") { fields { type { ${nested(16)} } } } }`);

    expect(deep.codes).toEqual(['BAD_USER_INPUT']);
    expect(deep.body.errors?.[0].message).toMatch(/nested 20 levels deep/);
    expect((await gql('{ me { id } }')).body).toEqual({ data: { me: null } });
  });

  it('counts list sizes in an operation\'s cost: 300 aliases of products are refused, one page is served', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `p${i}: products { sku name priceCents }`).join(' ');
    const refused = await gql(`{ ${aliases} }`);

    expect(refused.codes).toEqual(['BAD_USER_INPUT']);
    // 300 x (1 + 100 products x 3 fields), against the default limit of 1000.
    expect(refused.body.errors?.[0].message).toBe('The operation costs 90300; at most 1000 is allowed');
    expect(refused.body.data ?? null).toBeNull();
    expect((await gql('{ products { sku name priceCents } }')).codes).toEqual([]);
    // Within the cost, but over the page's maximum of 100.
    expect((await gql('{ products(first: 400) { sku } }')).codes).toEqual(['BAD_USER_INPUT']);
  });

  it('still allows the standard introspection query', async () => {
    const { body } = await gql(getIntrospectionQuery());

    expect(body.errors).toBeUndefined();
  });

  it('answers BAD_USER_INPUT for an unknown field and for arguments of the wrong type', async () => {
    expect((await gql('{ me { password } }')).codes).toEqual(['BAD_USER_INPUT']);
    expect((await gql('mutation { login(email: 42, password: "x") { token } }')).codes).toEqual(['BAD_USER_INPUT']);
    expect((await gql('query ($id: ID!) { user(id: $id) { id } }', { variables: { id: { not: 'an id' } } })).codes).toEqual(['BAD_USER_INPUT']);
    expect((await gql('{ me { id }')).codes).toEqual(['BAD_USER_INPUT']);
  });

  it('holds back a flood of logins from one address at the gateway, whatever the emails', async () => {
    const login = (address: string) => gql('mutation ($e: String!) { login(email: $e, password: "wrong-password") { token } }', { variables: { e: address } });

    // Without a user service these time out (UNAVAILABLE); with one, the unknown emails are refused.
    for (let attempt = 0; attempt < LOGINS_PER_IP; attempt++) {
      expect(['UNAVAILABLE', 'UNAUTHENTICATED']).toContain((await login(`flood-${attempt}-${randomUUID()}@example.com`)).codes[0]);
    }
    const limited = await login(`flood-last-${randomUUID()}@example.com`);

    expect(limited.codes).toEqual(['RATE_LIMITED']);
    expect(limited.body.errors?.[0].message).not.toMatch(/wrong-password/);
  });
});
