import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import jwt from 'jsonwebtoken';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { APP_CONFIG, loadConfig } from '@app/config';
import { READ_MODEL_MIGRATIONS } from '@app/read-model';
import { assertTestDatabase } from '../../../test/support/test-env';
import { AppModule } from '../src/app.module';

assertTestDatabase();

const config = loadConfig();
// A scratch database of its own: the shared test database's read_model belongs to the consumers
// app (it creates and migrates it), so this suite neither creates nor fills tables there.
const scratchName = `gateway_${randomUUID().slice(0, 8)}_test`;
const scratchUrl = Object.assign(new URL(config.databaseUrl), { pathname: `/${scratchName}` }).toString();

const ann = { id: randomUUID(), email: 'ann@example.com', name: 'Ann', role: 'CUSTOMER', registeredAt: '2026-01-02T03:04:05.000Z' };
const tokenFor = (sub: string, role: 'CUSTOMER' | 'ADMIN') => jwt.sign({ role, email: 'x@example.com' }, config.jwtSecret, { algorithm: 'HS256', subject: sub });

const onServer = async (sql: string) => {
  const admin = new Client({ connectionString: config.databaseUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
};

describe('the gateway, reading users from the read model', () => {
  let app: INestApplication;

  beforeAll(async () => {
    await onServer(`CREATE DATABASE "${scratchName}"`);
    const ds = await new DataSource({ type: 'postgres', url: scratchUrl, migrations: READ_MODEL_MIGRATIONS }).initialize();
    await ds.runMigrations();
    await ds.query('INSERT INTO read_model.user_view (id, email, name, role, registered_at, version) VALUES ($1, $2, $3, $4, $5, 1)', [
      ann.id,
      ann.email,
      ann.name,
      ann.role,
      ann.registeredAt,
    ]);
    await ds.destroy();

    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(APP_CONFIG)
      .useValue({ ...config, databaseUrl: scratchUrl })
      .compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await onServer(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`);
  });

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
