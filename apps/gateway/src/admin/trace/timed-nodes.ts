import type { TraceModel, TraceNodeKind, TraceNodeModel } from '../models/trace.model';

export type Node = Omit<TraceNodeModel, 'latencyMs'>;

/** Ties in time: causes first (commands take their first event's time), then by id to stay stable. */
const KIND_RANK: Readonly<Record<TraceNodeKind, number>> = { COMMAND: 0, EVENT: 1, EFFECT: 2 };

/** Latency since each node's cause (null at a root or under a cause not in the trace), nodes in time order. */
export function timed(nodes: Node[]): Pick<TraceModel, 'nodes' | 'totalMs'> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depths = new Map<string, number>();
  // Memoised: each node's depth is its cause's plus one, so the whole tree costs one visit per node.
  // `seen` breaks a cycle in other services' data (a caused b caused a): its nodes count from 0.
  const depthOf = (node: Node, seen: Set<string>): number => {
    const known = depths.get(node.id);
    if (known !== undefined) return known;
    const cause = node.causationId ? byId.get(node.causationId) : undefined;
    const depth = cause && !seen.has(cause.id) ? depthOf(cause, seen.add(node.id)) + 1 : 0;
    depths.set(node.id, depth);
    return depth;
  };
  for (const node of nodes) depthOf(node, new Set());
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
