import { elasticsearch } from './elasticsearch';
import { kafka } from './kafka';
import { say, StackError } from './log';
import { postgres } from './postgres';
import type { ServiceStatus, StackService, UpResult } from './service';
import { smtp } from './smtp';
import { withStackLock } from './lock';

export const SERVICES: readonly StackService[] = [postgres, kafka, elasticsearch, smtp];

/** `undefined` means every service; an empty list means none. */
const pick = (names?: string[]): StackService[] => {
  if (names === undefined) return [...SERVICES];
  return names.map((n) => {
    const found = SERVICES.find((s) => s.name === n);
    if (!found) throw new StackError('stack', `unknown service "${n}" (known: ${SERVICES.map((s) => s.name).join(', ')})`);
    return found;
  });
};

/**
 * Brings the services up in parallel (the JVMs take the longest; overlapping them halves the
 * wait). If any fails, the ones this call started are stopped again, so a failed `up` leaves
 * the machine as it found it. Returns the names this call started (callers stop only those).
 */
export const up = (names?: string[]): Promise<string[]> => withStackLock(() => upUnlocked(names));

const upUnlocked = async (names?: string[]): Promise<string[]> => {
  const services = pick(names);
  const results = await Promise.allSettled(services.map((s) => s.up()));
  const started = services.filter((s, i) => (results[i] as PromiseFulfilledResult<UpResult>).value === 'started').map((s) => s.name);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
  if (failures.length) {
    await downUnlocked(started);
    throw failures[0];
  }
  return started;
};

/** Stops the named services (all by default) if this stack started them. */
export const down = (names?: string[]): Promise<void> => withStackLock(() => downUnlocked(names));

const downUnlocked = async (names?: string[]): Promise<void> => {
  const services = pick(names);
  const stopped = await Promise.all(services.map((s) => s.down()));
  if (services.length && !stopped.some(Boolean)) say('stack', 'nothing of ours was running');
};

export const status = (names?: string[]): Promise<ServiceStatus[]> => Promise.all(pick(names).map((s) => s.status()));
