import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { loadConfig } from '@app/config';
import { assertTestDatabase } from '../../../test/support/test-env';
import { signTestToken } from '../../../test/support/tokens';
import { type ScratchGateway, startScratchGateway } from './support/scratch-gateway';

assertTestDatabase();

const config = loadConfig();

const ann = { id: randomUUID(), email: 'ann@example.com', name: 'Ann', role: 'CUSTOMER', registeredAt: '2026-01-02T03:04:05.000Z' };
const tokenFor = (sub: string, role: 'CUSTOMER' | 'ADMIN') => signTestToken(config.jwtSecret, sub, role);


describe('the gateway, reading users from the read model', () => {
  let gateway: ScratchGateway;
  let app: INestApplication;

  beforeAll(async () => {
    gateway = await startScratchGateway(config, async (ds) => {
      await ds.query('INSERT INTO read_model.user_view (id, email, name, role, registered_at, version) VALUES ($1, $2, $3, $4, $5, 1)', [
        ann.id,
        ann.email,
        ann.name,
        ann.role,
        ann.registeredAt,
      ]);
    });
    app = gateway.app;
  });

  afterAll(() => gateway?.close());

  const gql = async (query: string, token: string) => {
    const response = await request(app.getHttpServer()).post('/graphql').set('Authorization', `Bearer ${token}`).send({ query });
    return response.body as { data?: Record<string, unknown>; errors?: { extensions: { code: string } }[] };
  };
  const FIELDS = 'id email name role registeredAt';

  it('answers me with the caller as projected', async () => {
    expect(await gql(`{ me { ${FIELDS} } }`, tokenFor(ann.id, 'CUSTOMER'))).toEqual({ data: { me: ann } });
  });

  it('answers me with null for a token whose user is not projected (yet)', async () => {
    expect(await gql('{ me { id } }', tokenFor(randomUUID(), 'CUSTOMER'))).toEqual({ data: { me: null } });
  });

  it('lets a customer read themselves and an admin read anyone, with null for an unknown id', async () => {
    expect(await gql(`{ user(id: "${ann.id}") { ${FIELDS} } }`, tokenFor(ann.id, 'CUSTOMER'))).toEqual({ data: { user: ann } });
    expect(await gql(`{ user(id: "${ann.id}") { ${FIELDS} } }`, tokenFor(randomUUID(), 'ADMIN'))).toEqual({ data: { user: ann } });
    expect(await gql(`{ user(id: "${randomUUID()}") { id } }`, tokenFor(randomUUID(), 'ADMIN'))).toEqual({ data: { user: null } });
  });
});
