import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Earlier runs' folders (logs, mail) kept for a post-mortem; the newest few are plenty. */
const KEEP = 5;

export const pruneOldRuns = (chaosDir: string): void => {
  if (!existsSync(chaosDir)) return;
  const runs = readdirSync(chaosDir)
    .map((name) => ({ path: join(chaosDir, name), at: statSync(join(chaosDir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of runs.slice(KEEP)) rmSync(old.path, { recursive: true, force: true });
};
