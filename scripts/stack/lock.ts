import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { say } from './log';
import { STACK_DIR } from './paths';
import { delay, isAlive } from './proc';

const LOCK = join(STACK_DIR, 'stack.lock');

/**
 * One stack operation at a time on a machine: two `up`s racing would both see a free port and
 * start two brokers. The lock file holds the owner's pid, so a lock left by a killed process is
 * taken over instead of waited on.
 */
export const withStackLock = async <T>(work: () => Promise<T>): Promise<T> => {
  mkdirSync(STACK_DIR, { recursive: true });
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(LOCK, 'utf8').trim() || 0);
      if (!owner || !isAlive(owner)) {
        rmSync(LOCK, { force: true });
        continue;
      }
      if (!announced) say('stack', `waiting for another stack command (pid ${owner}) to finish`);
      announced = true;
      await delay(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { force: true });
  }
};
