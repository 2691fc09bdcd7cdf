export { rebuildSearch, type SearchRebuildOptions, type SearchRebuildResult, type SearchStores } from './search-rebuild';
