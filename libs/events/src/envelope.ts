/** Who and what caused an event; carried in the store's metadata column and in Kafka headers. */
export interface EventMetadata {
  /** The id shared by every message of one business flow (e.g. the first command's id). */
  correlationId: string;
  /** The id of the command or event that directly caused this one. */
  causationId: string | null;
  /** The authenticated user behind the command, when there is one. */
  userId: string | null;
  /** W3C trace context, when the caller sent one. */
  traceparent?: string;
}

/** One event as stored in the event store and as carried on Kafka (value = payload). */
export interface EventEnvelope<P = unknown> {
  eventId: string;
  /** Stable wire name (`OrderCreated`), never a class name that a refactor could change. */
  type: string;
  schemaVersion: number;
  /** `<aggregate>-<id>`, e.g. `order-<uuid>` or `product-<sku>`. */
  streamId: string;
  aggregateId: string;
  /** 1 for the first event of a stream; consecutive. */
  streamVersion: number;
  /** Global position in the writer's event store (bigint, as a string), once stored. */
  position?: string;
  occurredAt: string;
  payload: P;
  metadata: EventMetadata;
}

/** `order-<uuid>` -> `{ aggregate: 'order', id: '<uuid>' }`; ids may contain dashes. */
export const parseStreamId = (streamId: string): { aggregate: string; id: string } => {
  const dash = streamId.indexOf('-');
  if (dash <= 0 || dash === streamId.length - 1) throw new Error(`not a stream id: ${streamId}`);
  return { aggregate: streamId.slice(0, dash), id: streamId.slice(dash + 1) };
};

export const streamIdOf = (aggregate: string, id: string): string => `${aggregate}-${id}`;
