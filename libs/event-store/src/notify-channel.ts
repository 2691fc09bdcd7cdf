/** The LISTEN/NOTIFY channel on which a schema's event store announces committed appends. */
export const notifyChannel = (schema: string): string => `events_appended_${schema}`;
