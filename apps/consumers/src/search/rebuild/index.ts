export { rebuildSearch, type RebuildProgress, type RebuildState, type SearchRebuildOptions, type SearchRebuildResult, type SearchStores } from './search-rebuild';
export { REBUILDABLE, projectionsNamed, runRebuild, type Rebuildable } from './run-rebuild';
