import { setTimeout as delay } from 'node:timers/promises';
import type { Client } from 'graphql-ws';
import type { GraphQLClient } from '../gateway/graphql-client';

const FINAL = new Set(['CONFIRMED', 'CANCELLED']);
const POLL_MS = 50;
/**
 * The gateway waits up to 3 s for a just-created order to be projected before its first message;
 * a subscription silent for longer than this is not trusted alone any more, and polling joins it.
 */
const SILENCE_MS = 5000;

const SUBSCRIPTION = `subscription S($id: ID!) { orderStatusChanged(orderId: $id) { status cancellationReason } }`;
const ORDER = `query O($id: ID!) { order(id: $id) { status cancellationReason } }`;

export interface OrderState {
  status: string;
  cancellationReason: string | null;
}

export interface Followed {
  /** null when the deadline passed first */
  final: OrderState | null;
  via: 'subscription' | 'polling' | null;
  /** performance.now() when the final status was seen */
  at: number;
  /** why polling had to join (the subscription failed, ended, or fell silent); null if it did not */
  fellBack: string | null;
  /** the last error seen while following, kept so a non-final order can say why */
  error: string | null;
}

const describe = (error: unknown): string => {
  if (Array.isArray(error)) return error.map(describe).join('; ');
  if (error && typeof error === 'object' && 'code' in error && 'reason' in error) return `socket closed ${String(error.code)} ${String(error.reason)}`;
  return error instanceof Error ? error.message : ((error as { message?: string })?.message ?? String(error));
};

async function pollUntilFinal(gql: GraphQLClient, token: string, id: string, deadline: number, stopped: () => boolean, failed: (e: unknown) => void): Promise<OrderState | null> {
  while (!stopped() && performance.now() < deadline) {
    try {
      const { order } = await gql.request<{ order: OrderState | null }>(ORDER, { id }, token, Math.max(1, deadline - performance.now()));
      if (order && FINAL.has(order.status)) return order;
    } catch (error) {
      // A refused or slow poll is retried: only the deadline decides that an order did not end.
      failed(error);
    }
    await delay(POLL_MS);
  }
  return null;
}

/** Resolves once the order is CONFIRMED or CANCELLED (by subscription, else by polling), or at the deadline. */
export function followOrder(ws: Client | null, gql: GraphQLClient, token: string, id: string, deadline: number): Promise<Followed> {
  return new Promise<Followed>((resolve) => {
    let done = false;
    let polling = false;
    let fellBack: string | null = null;
    let silence: NodeJS.Timeout | undefined;
    let error: string | null = null;
    const failed = (e: unknown) => {
      if (!done) error = describe(e);
    };
    let unsubscribe = (): void => undefined;
    const finish = (final: OrderState | null, via: Followed['via']) => {
      if (done) return;
      done = true;
      const at = performance.now();
      clearTimeout(deadlineTimer);
      clearTimeout(silence);
      unsubscribe();
      resolve({ final, via, at, fellBack, error });
    };
    const deadlineTimer = setTimeout(() => finish(null, null), Math.max(0, deadline - performance.now()));
    const fallBack = (reason: unknown) => {
      failed(reason);
      if (polling || done) return;
      polling = true;
      fellBack = describe(reason);
      void pollUntilFinal(gql, token, id, deadline, () => done, failed).then((state) => state && finish(state, 'polling'));
    };
    if (!ws) return fallBack('no websocket');
    const armSilence = () => {
      clearTimeout(silence);
      silence = setTimeout(() => fallBack(`the subscription was silent for ${SILENCE_MS} ms`), SILENCE_MS);
    };
    armSilence();
    unsubscribe = ws.subscribe<{ orderStatusChanged: OrderState }>(
      { query: SUBSCRIPTION, variables: { id } },
      {
        next: (message) => {
          const state = message.data?.orderStatusChanged;
          if (!state) return fallBack(message.errors ?? 'a message without the order');
          if (FINAL.has(state.status)) finish(state, 'subscription');
          else armSilence();
        },
        // Ending without a final status (refused, socket lost, or completed) leaves it to polling.
        error: (e) => fallBack(e),
        complete: () => fallBack('the subscription completed'),
      },
    );
    if (done) unsubscribe();
  });
}
