import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Client, createClient } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { loadConfig } from '@app/config';
import { assertTestDatabase } from '../../../test/support/test-env';
import { signTestToken } from '../../../test/support/tokens';
import { waitFor } from '../../../test/support/wait-for';
import { AppModule } from '../src/app.module';
import { GATEWAY_SETTINGS, loadGatewaySettings } from '../src/gateway-settings';

assertTestDatabase();

const config = loadConfig();
/** Subscriptions per connection and connections per user, low enough to reach. */
const LIMIT = 2;
const tokenFor = (role: 'CUSTOMER' | 'ADMIN', options = {}) => signTestToken(config.jwtSecret, randomUUID(), role, options);
const deep = (levels: number): string => (levels === 0 ? 'id' : `user { orders { edges { node { ${deep(levels - 1)} } } } }`);

/** Subscribes once and collects what the client sees until the subscription ends. */
const outcome = (client: Client, query: string) =>
  new Promise<{ codes: unknown[]; fields: unknown[]; closeCode?: number }>((resolve) => {
    const errors: { extensions?: { code?: string; field?: string } }[] = [];
    client.subscribe(
      { query },
      {
        next: (message) => errors.push(...((message.errors ?? []) as unknown as typeof errors)),
        error: (error) => {
          if (Array.isArray(error)) errors.push(...error);
          resolve({ codes: errors.map((e) => e.extensions?.code), fields: errors.map((e) => e.extensions?.field), closeCode: (error as { code?: number }).code });
        },
        complete: () => resolve({ codes: errors.map((e) => e.extensions?.code), fields: errors.map((e) => e.extensions?.field) }),
      },
    );
  });

describe('the gateway, on subscriptions it must refuse', () => {
  let app: INestApplication;
  let url: string;
  const clients: Client[] = [];
  const connect = (connectionParams: Record<string, unknown>) => {
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(GATEWAY_SETTINGS)
      .useValue({ ...loadGatewaySettings(), subscriptionsPerConnection: LIMIT, connectionsPerCustomer: LIMIT })
      .compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace(/^http/, 'ws') + '/graphql';
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await app?.close();
  });

  it('closes a socket without a token, with a malformed one or with an expired one (4403)', async () => {
    const expired = tokenFor('CUSTOMER', { expiresIn: -10 });
    for (const params of [{}, { authorization: 'Basic dXNlcjpwdw==' }, { authorization: `Bearer ${expired}` }, { authorization: 42 }]) {
      expect(await outcome(connect(params), 'subscription { notificationReceived { id } }')).toMatchObject({ closeCode: 4403 });
    }
  });

  it('ends a running subscription when the token it was opened with expires (4401)', async () => {
    const token = tokenFor('CUSTOMER', { expiresIn: 3 });
    const { exp } = jwt.decode(token) as { exp: number };
    const ended = outcome(connect({ authorization: `Bearer ${token}` }), 'subscription { notificationReceived { id } }');
    const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the subscription outlived its token by 10 s')), exp * 1000 - Date.now() + 10000).unref());

    expect(await Promise.race([ended, deadline])).toMatchObject({ closeCode: 4401 });
    // Not before: the token was good until then.
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
  });

  it('refuses a subscription over the per-connection limit (RATE_LIMITED) and a connection over the per-user limit (4429)', async () => {
    const token = tokenFor('CUSTOMER');
    const client = connect({ authorization: `Bearer ${token}` });
    const running = Array.from({ length: LIMIT }, () => client.subscribe({ query: 'subscription { notificationReceived { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined }));

    // Messages on one socket are entered in order, so the next one finds LIMIT running.
    expect((await outcome(client, 'subscription { notificationReceived { id } }')).codes).toEqual(['RATE_LIMITED']);

    // That socket and LIMIT - 1 more are the user's allowance; the next is closed at once.
    const acknowledged = (tokenOwner: string) =>
      new Promise<Client>((resolve) => {
        const other: Client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${tokenOwner}` }, retryAttempts: 0, lazy: false, on: { connected: () => resolve(other) } });
        clients.push(other);
      });
    for (let i = 1; i < LIMIT; i++) await acknowledged(token);
    expect(await outcome(connect({ authorization: `Bearer ${token}` }), 'subscription { notificationReceived { id } }')).toMatchObject({ closeCode: 4429 });
    // Another user is not held back.
    await acknowledged(tokenFor('CUSTOMER'));
    running.forEach((stop) => stop());
  });

  it('refuses with BAD_USER_INPUT an unknown field, an operation nested too deep and an orderId that is not a UUID', async () => {
    const client = connect({ authorization: `Bearer ${tokenFor('CUSTOMER')}` });

    expect((await outcome(client, 'subscription { notificationReceived { password } }')).codes).toEqual(['BAD_USER_INPUT']);
    expect((await outcome(client, `subscription { orderStatusChanged(orderId: "${randomUUID()}") { ${deep(3)} } }`)).codes).toEqual(['BAD_USER_INPUT']);
    expect(await outcome(client, 'subscription { orderStatusChanged(orderId: "42") { id } }')).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['orderId'] });
  });

  it('answers NOT_FOUND for an order the read model does not have, and keeps the socket open', async () => {
    const client = connect({ authorization: `Bearer ${tokenFor('ADMIN')}` });

    expect((await outcome(client, `subscription { orderStatusChanged(orderId: "${randomUUID()}") { id } }`)).codes).toEqual(['NOT_FOUND']);
    await waitFor('a second subscription on the same client to be refused alike', async () => (await outcome(client, `subscription { orderStatusChanged(orderId: "${randomUUID()}") { id } }`)).codes[0] === 'NOT_FOUND');
  });
});
