import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `probe` until it returns a value (not null/undefined), or null once `timeoutMs` has
 * passed. For read-your-writes: the read model catches up a few ms to seconds after a command.
 */
export async function pollUntil<T>(probe: () => Promise<T | null | undefined>, timeoutMs: number): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() >= deadline) return null;
    await sleep(Math.min(delay, Math.max(deadline - Date.now(), 0)));
  }
}
