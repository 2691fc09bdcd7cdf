import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { followOrder } from './follow-order';
import type { GraphQLClient } from '../gateway/graphql-client';

const REGISTER = `mutation R($input: RegisterUserInput!) { registerUser(input: $input) { token user { id } } }`;
const CREATE = `mutation C($input: CreateOrderInput!) { createOrder(input: $input) { orderId } }`;

export interface OrderOutcome {
  orderId: string | null;
  /** CONFIRMED or CANCELLED; null if createOrder failed or the deadline passed first */
  status: string | null;
  reason: string | null;
  createMs: number | null;
  finalMs: number | null;
  via: 'subscription' | 'polling' | null;
  /** why polling had to join the subscription, if it did */
  fellBack: string | null;
  createError: string | null;
  /** the last error while following, for a report on orders left non-final */
  followError: string | null;
}

/** One registered customer with its own socket, placing its orders one after the other. */
export class Customer {
  private ws: Client | null = null;

  private constructor(
    private readonly gql: GraphQLClient,
    readonly id: string,
    private readonly token: string,
  ) {}

  static async register(gql: GraphQLClient, email: string, password: string): Promise<Customer> {
    const data = await gql.request<{ registerUser: { token: string; user: { id: string } } }>(REGISTER, {
      input: { email, name: `Load ${email.split('@')[0]}`, password },
    });
    return new Customer(gql, data.registerUser.user.id, data.registerUser.token);
  }

  /** Opened before ordering so no handshake lands inside a measured latency. false: polling only. */
  async connect(timeoutMs = 5000): Promise<boolean> {
    const client = createClient({
      url: this.gql.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.token}` },
      lazy: false,
      // A lost socket fails its subscriptions, which then poll: retrying would only hide it.
      retryAttempts: 0,
      onNonLazyError: () => undefined,
    });
    const connected = await new Promise<boolean>((resolve) => {
      const offs: (() => void)[] = [];
      const timer = setTimeout(() => settle(false), timeoutMs);
      const settle = (ok: boolean) => {
        clearTimeout(timer);
        offs.forEach((off) => off());
        resolve(ok);
      };
      offs.push(client.on('connected', () => settle(true)), client.on('closed', () => settle(false)), client.on('error', () => settle(false)));
    });
    if (connected) this.ws = client;
    else await client.dispose();
    return connected;
  }

  /** The deadline runs from sending createOrder, like the create-to-final latency. */
  async placeOrder(sku: string, timeoutMs: number): Promise<OrderOutcome> {
    const sent = performance.now();
    const outcome: OrderOutcome = { orderId: null, status: null, reason: null, createMs: null, finalMs: null, via: null, fellBack: null, createError: null, followError: null };
    try {
      const data = await this.gql.request<{ createOrder: { orderId: string } }>(
        CREATE,
        { input: { lines: [{ sku, quantity: 1 }], paymentToken: 'tok_visa' } },
        this.token,
        timeoutMs,
      );
      outcome.orderId = data.createOrder.orderId;
      outcome.createMs = performance.now() - sent;
    } catch (error) {
      outcome.createError = error instanceof Error ? error.message : String(error);
      return outcome;
    }
    const followed = await followOrder(this.ws, this.gql, this.token, outcome.orderId, sent + timeoutMs);
    outcome.fellBack = followed.fellBack;
    outcome.followError = followed.error;
    if (followed.final) {
      outcome.status = followed.final.status;
      outcome.reason = followed.final.cancellationReason;
      outcome.finalMs = followed.at - sent;
      outcome.via = followed.via;
    }
    return outcome;
  }

  async close(): Promise<void> {
    await this.ws?.dispose();
    this.ws = null;
  }
}
