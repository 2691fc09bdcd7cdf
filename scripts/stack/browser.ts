import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { say, StackError } from './log';

/**
 * The headless browser the console's tests drive (puppeteer-core brings none). Debian's chromium:
 * it comes from the distribution's mirror, which these machines reach, where a browser download
 * at `npm install` (puppeteer's, Playwright's) would fail. CHROME_PATH names another one.
 */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const found = (): string | undefined => {
  const chosen = process.env.CHROME_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new StackError('browser', `CHROME_PATH=${chosen} does not exist`);
    return chosen;
  }
  return CANDIDATES.find((path) => existsSync(path));
};

/** Runs a command with its output shown as it comes (apt's progress), failing on a non-zero exit. */
const run = (command: string, args: string[]): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new StackError('browser', `${command} ${args.join(' ')} exited with ${code}`))));
  });

/**
 * The browser's path, installing Debian's chromium first when there is none. Needs root for
 * apt-get; otherwise it says what to install: the browser tests are never skipped for want of it.
 */
export const ensureBrowser = async (): Promise<string> => {
  const path = found();
  if (path) return path;
  if (process.getuid?.() !== 0) {
    throw new StackError('browser', 'no Chromium found: install it (sudo apt-get install chromium) or set CHROME_PATH; the admin console tests need one');
  }
  say('browser', 'no Chromium found: installing Debian\'s chromium (apt-get; a minute or two)');
  await run('apt-get', ['update']);
  await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  const installed = found();
  if (!installed) throw new StackError('browser', 'apt-get installed chromium, yet no chromium binary was found');
  say('browser', `installed at ${installed}`);
  return installed;
};
