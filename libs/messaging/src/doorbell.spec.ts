import { Doorbell } from './doorbell';

describe('Doorbell', () => {
  afterEach(() => jest.useRealTimers());

  it('sleeps until the timeout when nobody rings', async () => {
    jest.useFakeTimers();
    let woke = false;
    const sleeping = new Doorbell().sleep(1000).then(() => (woke = true));
    await jest.advanceTimersByTimeAsync(999);
    expect(woke).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(woke).toBe(true);
  });

  it('wakes a sleeper at once when rung', async () => {
    jest.useFakeTimers();
    const bell = new Doorbell();
    let woke = false;
    const sleeping = bell.sleep(60000).then(() => (woke = true));
    bell.ring();
    await jest.advanceTimersByTimeAsync(0);
    await sleeping;
    expect(woke).toBe(true);
  });

  it('keeps a ring that came while busy, until cleared', async () => {
    jest.useFakeTimers();
    const bell = new Doorbell();
    bell.ring();
    await bell.sleep(60000); // returns at once: the ring is kept
    bell.clear();
    let woke = false;
    void bell.sleep(1000).then(() => (woke = true));
    await jest.advanceTimersByTimeAsync(500);
    expect(woke).toBe(false);
    await jest.advanceTimersByTimeAsync(500);
    expect(woke).toBe(true);
  });
});
