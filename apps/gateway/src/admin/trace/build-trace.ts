import type { TraceModel, TraceNodeKind, TraceNodeModel } from '../models/trace.model';
import { effectOf, notificationName, sentMailName } from './effect-names';
import { aggregateOf, COMMAND_OF_OUTCOME, commandName, SAGA_SENDS_ON, serviceOfEvent } from './trace-names';

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

type Node = Omit<TraceNodeModel, 'latencyMs'>;

/** Ties in time: causes first (commands take their first event's time), then by id to stay stable. */
const KIND_RANK: Readonly<Record<TraceNodeKind, number>> = { COMMAND: 0, EVENT: 1, EFFECT: 2 };

/**
 * One correlation's causation tree from what the stores hold: its events (metadata.causationId
 * links each to the command or event that caused it), the commands known only as causes, what
 * each consumer applied, the notifications recorded and the emails sent. Pure, so its rules are
 * specified without a database.
 */
export function buildTrace(correlationId: string, events: readonly TraceEvent[], applied: readonly AppliedEvent[], deliveries: readonly Delivery[]): TraceModel {
  const eventNodes: Node[] = events.map((e) => ({
    id: e.eventId,
    kind: 'EVENT',
    name: e.type,
    service: serviceOfEvent(e.type, e.streamId),
    causationId: e.causationId,
    at: e.recordedAt,
  }));
  const nodes = [...eventNodes, ...commandNodes(correlationId, events), ...effectNodes(events, applied), ...notificationNodes(events, deliveries)];
  return { correlationId, ...timed(nodes) };
}

/**
 * A cause that is no event of the correlation is a command: no service records commands but as
 * the causationId of what they appended, so one is named after its first event's command and put
 * at that event's time (the stores know no earlier moment of it). A cause whose event no command
 * appends (InventoryReserved's OrderCreated, say) is an event the log does not hold yet: left as
 * the causationId of its effects, with no node, until the projections have logged it.
 */
function commandNodes(correlationId: string, events: readonly TraceEvent[]): Node[] {
  const eventIds = new Set(events.map((e) => e.eventId));
  const firstOutcome = new Map<string, TraceEvent>();
  for (const e of events) if (e.causationId && !eventIds.has(e.causationId) && !firstOutcome.has(e.causationId)) firstOutcome.set(e.causationId, e);
  const nodes: Node[] = [];
  for (const [id, first] of firstOutcome) {
    const key = COMMAND_OF_OUTCOME[first.type];
    if (!key && id !== correlationId) continue;
    const trigger = key && SAGA_SENDS_ON[key];
    // The latest such event before the command's outcome: the one the saga was handling.
    const cause = trigger ? events.filter((e) => e.type === trigger && e.recordedAt <= first.recordedAt).at(-1) : undefined;
    nodes.push({
      id,
      kind: 'COMMAND',
      name: key ? commandName(key) : `command of ${first.type}`,
      service: serviceOfEvent(first.type, first.streamId),
      causationId: cause?.eventId ?? null,
      at: first.recordedAt,
    });
  }
  return nodes;
}

function effectNodes(events: readonly TraceEvent[], applied: readonly AppliedEvent[]): Node[] {
  const byId = new Map(events.map((e) => [e.eventId, e]));
  return applied.flatMap(({ consumer, eventId, processedAt }) => {
    const event = byId.get(eventId);
    if (!event) return [];
    const { name, service } = effectOf(consumer, aggregateOf(event.streamId));
    return [{ id: `${consumer}:${eventId}`, kind: 'EFFECT' as const, name, service, causationId: eventId, at: processedAt }];
  });
}

/**
 * Each notification under the event it was recorded for, and a sent email under its notification:
 * the dispatcher sends it later, on its own schedule, so that hop has its own latency.
 */
function notificationNodes(events: readonly TraceEvent[], deliveries: readonly Delivery[]): Node[] {
  const eventIds = new Set(events.map((e) => e.eventId));
  return deliveries.flatMap((d) => {
    if (!eventIds.has(d.eventId)) return [];
    const recorded: Node = { id: d.id, kind: 'EFFECT', name: notificationName(d.template, d.channel), service: 'notifications', causationId: d.eventId, at: d.createdAt };
    if (d.channel !== 'EMAIL' || !d.sentAt) return [recorded];
    return [recorded, { id: `sent:${d.id}`, kind: 'EFFECT', name: sentMailName(d.template), service: 'notifications', causationId: d.id, at: d.sentAt }];
  });
}

/** Latency since each node's cause (null at a root or under a cause not in the trace), nodes in time order. */
function timed(nodes: Node[]): Pick<TraceModel, 'nodes' | 'totalMs'> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depths = new Map<string, number>();
  const depthOf = (node: Node): number => {
    let depth = 0;
    const seen = new Set<string>([node.id]);
    // Bounded by `seen`: causation ids come from other services' data and must not loop forever.
    for (let at = node; at.causationId && byId.has(at.causationId) && !seen.has(at.causationId); depth++) {
      at = byId.get(at.causationId)!;
      seen.add(at.id);
    }
    return depth;
  };
  for (const node of nodes) depths.set(node.id, depthOf(node));
  const sorted = [...nodes].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || depths.get(a.id)! - depths.get(b.id)! || KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const withLatency = sorted.map((node) => {
    const cause = node.causationId ? byId.get(node.causationId) : undefined;
    return { ...node, latencyMs: cause ? node.at.getTime() - cause.at.getTime() : null };
  });
  const totalMs = sorted.length ? sorted.at(-1)!.at.getTime() - sorted[0].at.getTime() : 0;
  return { nodes: withLatency, totalMs };
}
