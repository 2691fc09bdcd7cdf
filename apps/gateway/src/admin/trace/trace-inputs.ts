/** One event of the correlation, from read_model.event_log, in the order it was recorded. */
export interface TraceEvent {
  eventId: string;
  type: string;
  streamId: string;
  recordedAt: Date;
  causationId: string | null;
}

/** A processed_events row: `consumer` applied the event, with its effects, at `processedAt`. */
export interface AppliedEvent {
  consumer: string;
  eventId: string;
  processedAt: Date;
}

/** A notification recorded because of an event (notifications.deliveries), and when its email was sent. */
export interface Delivery {
  id: string;
  eventId: string;
  channel: string;
  template: string;
  createdAt: Date;
  sentAt: Date | null;
}
