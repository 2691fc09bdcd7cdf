export const TIMED_OUT = Symbol('TIMED_OUT');

/**
 * Waits for `work` at most `ms`. The timer is cleared whichever way the race ends, so a call that
 * never settles leaves no handle behind (the abandoned promise itself holds nothing); a late
 * rejection of `work` is absorbed by the race rather than reported as unhandled.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(resolve, ms, TIMED_OUT);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
