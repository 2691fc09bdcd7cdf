import type { Logger } from '@nestjs/common';
import { PeriodicTask } from './periodic-task';

const quietLog = () => ({ error: jest.fn() }) as unknown as Logger & { error: jest.Mock };
const until = async (what: () => boolean) => {
  const deadline = Date.now() + 2000;
  while (!what()) {
    if (Date.now() > deadline) throw new Error('condition not met within 2 s');
    await new Promise((r) => setImmediate(r));
  }
};

describe('PeriodicTask', () => {
  it('runs again at once while a round says more is waiting, then sleeps until woken', async () => {
    let rounds = 0;
    const task = new PeriodicTask('test', 60_000, async () => ++rounds < 3, quietLog());
    task.start();
    await until(() => rounds === 3);
    task.wake();
    await until(() => rounds === 4);
    await task.stop();
    expect(rounds).toBe(4);
  });

  it('logs a failed round and goes on; stop waits for the round in flight and says it is stopping', async () => {
    const log = quietLog();
    let rounds = 0;
    let release!: () => void;
    let sawStopping = false;
    const task = new PeriodicTask('test', 60_000, async () => {
      if (++rounds === 1) throw new Error('boom');
      await new Promise<void>((r) => (release = r));
      sawStopping = task.stopping;
    }, log);
    task.start();
    await until(() => log.error.mock.calls.length === 1);
    expect(log.error.mock.calls[0][0]).toBe('test failed: boom');
    task.wake();
    await until(() => rounds === 2);
    const stopped = task.stop();
    release();
    await stopped;
    expect(sawStopping).toBe(true);
    expect(rounds).toBe(2);
  });
});
