import { Doorbell } from './doorbell';

describe('Doorbell', () => {
  afterEach(() => jest.useRealTimers());

  it('waits until the deadline when nobody rings', async () => {
    jest.useFakeTimers();
    let woke = false;
    const waiting = new Doorbell().waitForRing(1000).then(() => (woke = true));
    await jest.advanceTimersByTimeAsync(999);
    expect(woke).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await waiting;
    expect(woke).toBe(true);
  });

  it('ends a wait at once when rung', async () => {
    jest.useFakeTimers();
    const bell = new Doorbell();
    let woke = false;
    const waiting = bell.waitForRing(60000).then(() => (woke = true));
    bell.ring();
    await jest.advanceTimersByTimeAsync(0);
    await waiting;
    expect(woke).toBe(true);
  });

  it('keeps a ring that came while busy, until cleared', async () => {
    jest.useFakeTimers();
    const bell = new Doorbell();
    bell.ring();
    await bell.waitForRing(60000); // answered at once by the kept ring (fake timers: a real wait would hang)
    bell.clear();
    let woke = false;
    void bell.waitForRing(1000).then(() => (woke = true));
    await jest.advanceTimersByTimeAsync(500);
    expect(woke).toBe(false);
    await jest.advanceTimersByTimeAsync(500);
    expect(woke).toBe(true);
  });
});
