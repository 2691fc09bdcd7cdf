import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { say, StackError } from './log';
import { ROOT, serviceDir } from './paths';
import { portOpen, readPid, spawnDetached, stopFromPidFile, waitUntil } from './proc';
import type { ServiceStatus, StackService, UpResult } from './service';

const NAME = 'smtp';
const PORT = 1025;
const dir = serviceDir(NAME);
/** Where the local mail catcher keeps every message it receives. */
export const MAIL_DIR = join(dir, 'mail');
const pidFile = join(dir, 'smtp.pid');
const logFile = join(dir, 'smtp.log');

const url = (): URL => new URL(process.env.SMTP_URL ?? `smtp://127.0.0.1:${PORT}`);

/** Ready means it greets with 220, not merely that the port is open. */
const greets = (): Promise<boolean> =>
  new Promise((resolve) => {
    const target = url();
    const socket = createConnection({ host: target.hostname, port: Number(target.port || 25) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('data', (d) => done(d.toString().startsWith('220')));
    socket.once('error', () => done(false));
  });

export const smtp: StackService = {
  name: NAME,
  async up(): Promise<UpResult> {
    if (process.env.SMTP_URL) {
      if (!(await greets())) throw new StackError(NAME, `SMTP_URL=${process.env.SMTP_URL} does not answer`);
      return 'external';
    }
    mkdirSync(MAIL_DIR, { recursive: true });
    let pid = readPid(pidFile);
    const result: UpResult = pid ? 'reused' : 'started';
    if (!pid) {
      if (await portOpen(PORT)) throw new StackError(NAME, `port ${PORT} is held by a process this stack did not start; stop it, or set SMTP_URL to use it`);
      pid = spawnDetached(process.execPath, ['--import', 'tsx', join(__dirname, 'smtp-catcher.ts')], {
        logFile, pidFile, cwd: ROOT, env: { MAIL_DIR, SMTP_PORT: String(PORT) },
      });
    }
    await waitUntil(greets, { service: NAME, what: 'greeting', timeoutMs: 20000, logFile, pid });
    say(NAME, `${result === 'reused' ? 'already running' : 'ready'} at ${url().host} (mail kept in ${MAIL_DIR})`);
    return result;
  },
  down: () => stopFromPidFile(NAME, pidFile),
  async status(): Promise<ServiceStatus> {
    if (process.env.SMTP_URL) return { name: NAME, state: 'external', address: url().host };
    const pid = readPid(pidFile);
    return pid ? { name: NAME, state: 'running', address: url().host, pid, log: logFile } : { name: NAME, state: 'stopped', address: url().host };
  },
};
