import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { READ_MODEL_MIGRATIONS } from '@app/read-model';
import { ensureServiceRoles } from '../../../../scripts/stack/postgres';
import { assertTestDatabase } from '../../../../test/support/test-env';
import { AppModule } from '../../src/app.module';

export interface ScratchGateway {
  app: INestApplication;
  close(): Promise<void>;
}

const onServer = async (databaseUrl: string, sql: string) => {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
};

/**
 * The gateway in-process over a scratch database of its own: the shared test database's
 * read_model belongs to the consumers app (it creates and migrates it), so these suites neither
 * create nor fill tables there. `seed` writes read-model rows before the gateway starts.
 */
export async function startScratchGateway(config: AppConfig, seed: (ds: DataSource) => Promise<void>): Promise<ScratchGateway> {
  assertTestDatabase();
  const scratchName = `gateway_${randomUUID().slice(0, 8)}_test`;
  const scratchUrl = Object.assign(new URL(config.databaseUrl), { pathname: `/${scratchName}` }).toString();
  await onServer(config.databaseUrl, `CREATE DATABASE "${scratchName}"`);
  const ds = await new DataSource({ type: 'postgres', url: scratchUrl, migrations: READ_MODEL_MIGRATIONS }).initialize();
  await ds.runMigrations();
  await seed(ds);
  await ds.destroy();
  // As in every database of ours: the read model is the consumers' role's, the gateway's role reads it.
  await ensureServiceRoles(scratchUrl);

  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue({ ...config, databaseUrl: scratchUrl })
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  return {
    app,
    async close() {
      await app.close();
      await onServer(config.databaseUrl, `DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`);
    },
  };
}
