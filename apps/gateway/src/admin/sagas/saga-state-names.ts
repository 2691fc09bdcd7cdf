/**
 * The saga's states under the names API.graphql gives them. The order service stores the first
 * one as PENDING, the order's own status; to an operator reading sagas it is what the saga waits
 * for: inventory's answer. Every other state keeps its stored name.
 */
const RENAMED: Readonly<Record<string, string>> = { PENDING: 'AWAITING_INVENTORY' };

export const publicSagaState = (stored: string): string => RENAMED[stored] ?? stored;

/** A `state` filter as stored. PENDING still works: it is what `Order.status` says meanwhile. */
export const storedSagaState = (name: string): string => Object.keys(RENAMED).find((stored) => RENAMED[stored] === name) ?? name;
