import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/stack/paths';
import { portOpen } from '../../../scripts/stack/proc';
import { waitFor } from '../../support/wait-for';
import { OwnedProcess } from './owned-process';

/** The stack's SMTP catcher on a port of its own, keeping this run's mail apart from everyone else's. */
export class ChaosSmtp {
  private readonly proc: OwnedProcess;

  constructor(
    dir: string,
    readonly port: number,
    readonly mailDir: string,
  ) {
    mkdirSync(mailDir, { recursive: true });
    this.proc = new OwnedProcess('smtp', process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'stack', 'smtp-catcher.ts')], {
      logFile: join(dir, 'smtp.log'), pidFile: join(dir, 'smtp.pid'), cwd: ROOT, env: { MAIL_DIR: mailDir, SMTP_PORT: String(port) },
    });
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.proc.start();
    await waitFor(`the chaos SMTP catcher on ${this.port}`, () => portOpen(this.port), { timeoutMs: 30000, intervalMs: 250 });
  }

  stop(): Promise<void> {
    return this.proc.stop();
  }
}
