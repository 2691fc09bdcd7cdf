import type { MessageHandler } from '@nestjs/microservices';
import { defineConsumer } from './consumer-definition';
import { ConsumerServer } from './consumer-server';
import { namespaced } from '@app/config/namespace';

describe('ConsumerServer', () => {
  const definition = defineConsumer({ name: 'inventory' });
  const server = () => new ConsumerServer(definition, { brokers: ['127.0.0.1:9092'] });

  it("answers to its consumer's transport id and uses its group id in this environment's namespace and its client id as given", () => {
    const s = server() as unknown as { transportId: symbol; groupId: string; clientId: string };
    expect(s).toMatchObject({ transportId: definition.transportId, groupId: namespaced('inventory'), clientId: 'inventory' });
  });

  it('refuses a second handler for the same topic, which would always be skipped as a duplicate', () => {
    const s = server();
    const handler = (async () => undefined) as unknown as MessageHandler;
    s.addHandler('orders.events', handler, true);
    expect(() => s.addHandler('orders.events', handler, true)).toThrow('more than one handler for orders.events');
  });
});

describe("the Nest internal ConsumerServer overrides (ServerKafka's bindEvents)", () => {
  it('is still what ServerKafka calls to start consuming, so batches are ours', () => {
    const { ServerKafka } = jest.requireActual<typeof import('@nestjs/microservices')>('@nestjs/microservices');
    expect(typeof ServerKafka.prototype.bindEvents).toBe('function');
    expect(String(ServerKafka.prototype.start)).toContain('this.bindEvents(');
  });
});
