import { ListEventsResolver } from './list-events/list-events.resolver';

/** Also read by the schema-contract spec (through GATEWAY_RESOLVERS). */
export const STORED_EVENT_RESOLVERS = [ListEventsResolver];
