import { defineConsumer } from './consumer-definition';
import { backoffDelay, DEFAULT_RETRY_POLICY } from './retry-policy';
import { namespaced } from '@app/config/namespace';

describe('retry policy', () => {
  it('doubles the delay after each failed attempt, up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelay(DEFAULT_RETRY_POLICY, attempt));
    expect(delays).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
  });

  it('gives each consumer the defaults unless it overrides them, and its own transport id', () => {
    const a = defineConsumer({ name: 'inventory', retry: { attempts: 3 } });
    const b = defineConsumer({ name: 'inventory' });
    expect(a).toMatchObject({ groupId: namespaced('inventory'), clientId: 'inventory', retry: { attempts: 3, baseDelayMs: 200, maxDelayMs: 5000 } });
    expect(a.transportId).not.toBe(b.transportId);
  });

  it('refuses a group id that cannot name a dead-letter topic, and a policy without attempts', () => {
    expect(() => defineConsumer({ name: 'in ventory' })).toThrow('invalid consumer group id');
    expect(() => defineConsumer({ name: 'inventory', retry: { attempts: 0 } })).toThrow('retry.attempts');
  });
});
