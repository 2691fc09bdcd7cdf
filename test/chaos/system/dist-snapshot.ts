import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/stack/paths';

/**
 * A copy of dist/ taken when the run starts. Others build into the same dist/ while a run of up
 * to half an hour respawns apps (F2, F9, F10): without the copy, one run could test two builds.
 */
export const snapshotDist = (runDir: string): string => {
  const source = join(ROOT, 'dist');
  if (!existsSync(join(source, 'apps', 'gateway', 'src', 'main.js'))) {
    throw new Error('dist/ has no built apps: run `npx tsc -p tsconfig.build.json` first (the chaos suite runs the compiled apps)');
  }
  const target = join(runDir, 'dist');
  cpSync(source, target, { recursive: true });
  return target;
};
