import type { TraceModel } from '../models/trace.model';
import { effectOf, notificationName, sentMailName } from './effect-names';
import { aggregateOf, COMMAND_OF_OUTCOME, commandName, SAGA_SENDS_ON, serviceOfEvent } from './trace-names';
import type { AppliedEvent, Delivery, TraceEvent } from './trace-inputs';
import { type Node, timed } from './timed-nodes';

export type { AppliedEvent, Delivery, TraceEvent } from './trace-inputs';


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
