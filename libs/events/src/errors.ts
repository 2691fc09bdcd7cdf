/** A payload that does not match its contract. `code` is what crosses Kafka and GraphQL. */
export class EventSchemaError extends Error {
  readonly code = 'EVENT_SCHEMA_INVALID';
  constructor(
    readonly eventType: string,
    readonly version: number,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`${eventType} v${version} does not match its schema: ${issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; ')}`);
  }
}

/** A type (or a type at a version) that no contract in the registry describes. */
export class UnknownEventError extends Error {
  readonly code = 'EVENT_TYPE_UNKNOWN';
  constructor(
    readonly eventType: string,
    readonly version?: number,
  ) {
    super(`no contract for ${eventType}${version === undefined ? '' : ` v${version}`}`);
  }
}
