import { spawn, type SpawnOptions } from 'node:child_process';

/** Runs a command to completion with inherited stdio; resolves with its exit code. */
export const runChild = (command: string, args: string[], options: SpawnOptions = {}): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });

