import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname } from 'node:path';
import { say, StackError } from './log';

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
};

export const readPid = (pidFile: string): number | undefined => {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
};

export const portOpen = (port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

export interface DetachedOptions {
  logFile: string;
  pidFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
}

/**
 * Starts a long-lived service in its own process group, detached from this process, so that
 * `infra:up` can exit and `infra:down` (another process) can stop the whole group later.
 */
export const spawnDetached = (command: string, args: string[], opts: DetachedOptions): number => {
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const log = openSync(opts.logFile, 'a');
  const options: SpawnOptions = {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    detached: true,
    stdio: ['ignore', log, log],
    uid: opts.uid,
    gid: opts.gid,
  };
  const child = spawn(command, args, options);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  child.unref();
  writeFileSync(opts.pidFile, String(child.pid));
  return child.pid;
};

const signalGroup = (pid: number, signal: NodeJS.Signals): void => {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
};

/** Signals the group (or the leader alone), waits for a clean exit, then SIGKILLs what is left. */
export const stopGroup = async (pid: number, graceMs = 20000, signal: NodeJS.Signals = 'SIGTERM', wholeGroup = true): Promise<void> => {
  if (wholeGroup) signalGroup(pid, signal);
  else process.kill(pid, signal);
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await delay(200);
  if (isAlive(pid)) signalGroup(pid, 'SIGKILL');
  while (isAlive(pid)) await delay(100);
};

export const stopFromPidFile = async (service: string, pidFile: string): Promise<boolean> => {
  const pid = readPid(pidFile);
  rmSync(pidFile, { force: true });
  if (pid === undefined) return false;
  say(service, `stopping (pid ${pid})`);
  await stopGroup(pid);
  say(service, 'stopped');
  return true;
};

export const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface WaitOptions {
  service: string;
  what: string;
  timeoutMs: number;
  logFile: string;
  /** A process whose death means waiting longer is pointless. */
  pid?: number;
}

/** Polls `ready` until it answers true, printing progress; fails with the log file named. */
export const waitUntil = async (ready: () => Promise<boolean>, opts: WaitOptions): Promise<void> => {
  const started = Date.now();
  let lastReport = started;
  for (;;) {
    if (await ready().catch(() => false)) return;
    const elapsed = Date.now() - started;
    if (opts.pid !== undefined && !isAlive(opts.pid)) {
      throw new StackError(opts.service, `exited while starting; see ${opts.logFile}`);
    }
    if (elapsed > opts.timeoutMs) {
      throw new StackError(
        opts.service,
        `not ${opts.what} after ${Math.round(elapsed / 1000)} s; see ${opts.logFile}`,
      );
    }
    if (Date.now() - lastReport >= 5000) {
      lastReport = Date.now();
      say(opts.service, `waiting until ${opts.what}... ${Math.round(elapsed / 1000)} s`);
    }
    await delay(250);
  }
};

/** Finds a program on PATH, or fails with the one line that says what to install. */
export const requireCommand = (service: string, command: string, hint: string): string => {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || !path) throw new StackError(service, `\`${command}\` not found: ${hint}`);
  return path;
};
