import { SearchResolver } from './full-text-search/search.resolver';

/** Also read by the schema-contract spec (through GATEWAY_RESOLVERS). */
export const SEARCH_RESOLVERS = [SearchResolver];
