export { REBUILDABLE, projectionsNamed, runRebuild, type Rebuildable, type RebuildResult } from './run-rebuild';
export { startRebuildJob, type RebuildJob } from './rebuild-job';
export type { RebuildProgress, RebuildState } from './drain';
