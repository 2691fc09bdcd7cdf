import { SlidingWindowLimiter } from './sliding-window-limiter';

describe('SlidingWindowLimiter', () => {
  let now: number;
  const limiter = (limit: number, windowMs: number) => new SlidingWindowLimiter(limit, windowMs, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('accepts up to the limit within the window, then refuses', () => {
    const l = limiter(3, 60_000);

    expect([1, 2, 3, 4].map(() => l.tryAcquire('a'))).toEqual([true, true, true, false]);
  });

  it('counts each key on its own', () => {
    const l = limiter(1, 60_000);

    expect(l.tryAcquire('a')).toBe(true);
    expect(l.tryAcquire('b')).toBe(true);
    expect(l.tryAcquire('a')).toBe(false);
  });

  it('accepts again once the oldest accepted attempt leaves the window', () => {
    const l = limiter(2, 60_000);
    l.tryAcquire('a');
    now += 30_000;
    l.tryAcquire('a');
    now += 29_999;
    expect(l.tryAcquire('a')).toBe(false);
    now += 2;
    expect(l.tryAcquire('a')).toBe(true);
    expect(l.tryAcquire('a')).toBe(false);
  });

  it('does not let refused attempts extend the wait', () => {
    const l = limiter(1, 60_000);
    l.tryAcquire('a');
    now += 59_000;
    l.tryAcquire('a');
    now += 1_001;

    expect(l.tryAcquire('a')).toBe(true);
  });

  it('forgets keys that have been idle for a whole window', () => {
    const l = limiter(5, 60_000);
    l.tryAcquire('a');
    l.tryAcquire('b');
    now += 60_001;
    l.tryAcquire('c');

    expect(l.size).toBe(1);
  });
});
