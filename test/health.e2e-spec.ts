import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { Dependency } from '@app/health';
import { AppModule as ConsumersAppModule } from '../apps/consumers/src/app.module';
import { AppModule as GatewayAppModule } from '../apps/gateway/src/app.module';
import { AppModule as OrderAppModule } from '../apps/order/src/app.module';
import { AppModule as PaymentAppModule } from '../apps/payment/src/app.module';
import { AppModule as UserAppModule } from '../apps/user/src/app.module';
import { assertTestDatabase } from './support/test-env';

assertTestDatabase();

const APPS: [name: string, module: Type, dependencies: Dependency[]][] = [
  ['gateway', GatewayAppModule, ['kafka', 'postgres', 'elasticsearch']],
  ['order', OrderAppModule, ['kafka', 'postgres']],
  ['user', UserAppModule, ['kafka', 'postgres']],
  ['payment', PaymentAppModule, ['kafka', 'postgres']],
  ['consumers', ConsumersAppModule, ['kafka', 'postgres', 'elasticsearch', 'smtp']],
];

describe.each(APPS)('the %s app', (_name, appModule, dependencies) => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [appModule] }).compile();
    app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
  });

  it(`reports itself healthy when ${dependencies.join(', ')} are up`, async () => {
    const { status, body } = await request(app.getHttpServer()).get('/health');

    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.details).sort()).toEqual([...dependencies].sort());
    for (const dependency of dependencies) expect(body.details[dependency]).toMatchObject({ status: 'up' });
  });
});
