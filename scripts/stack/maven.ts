import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { say, StackError } from './log';
import { requireCommand } from './proc';

/**
 * Runs Maven (batch mode) to fetch artifacts from Maven Central, showing a progress line every few
 * seconds instead of Maven's wall of text, which goes to `logFile`.
 */
export const mavenFetch = async (service: string, args: string[], logFile: string): Promise<void> => {
  const mvn = requireCommand(service, 'mvn', 'install Apache Maven (e.g. `apt-get install maven`)');
  requireCommand(service, 'java', 'install a JDK 17 or later (e.g. `apt-get install openjdk-17-jdk-headless`)');
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  let downloaded = 0;
  const child = spawn(mvn, ['-B', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const count = (chunk: Buffer) => {
    log.write(chunk);
    downloaded += (chunk.toString().match(/Downloaded from /g) ?? []).length;
  };
  child.stdout.on('data', count);
  child.stderr.on('data', count);
  const started = Date.now();
  const ticker = setInterval(
    () => say(service, `downloading from Maven Central... ${downloaded} files, ${Math.round((Date.now() - started) / 1000)} s`),
    5000,
  );
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(ticker);
  log.end();
  if (code !== 0) throw new StackError(service, `Maven failed (exit ${code}); see ${logFile}`);
};
