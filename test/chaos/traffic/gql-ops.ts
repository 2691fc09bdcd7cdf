import { GraphQLClient } from '../../../scripts/gateway/graphql-client';
import type { AckLog } from './acks';

const LOGIN = `mutation L($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const REGISTER = `mutation R($input: RegisterUserInput!) { registerUser(input: $input) { token user { id } } }`;
const ADD = `mutation A($sku: ID!, $name: String!, $price: Int!, $stock: Int!) {
  addProduct(sku: $sku, name: $name, priceCents: $price, initialStock: $stock, consistency: PROJECTED) { version } }`;
const RESTOCK = `mutation S($sku: ID!, $q: Int!) { restockProduct(sku: $sku, quantity: $q) { aggregateId version } }`;
const CREATE = `mutation C($input: CreateOrderInput!) { createOrder(input: $input) { orderId result { version } } }`;
const CANCEL = `mutation X($id: ID!) { cancelOrder(id: $id) { aggregateId version } }`;
const ORDER = `query O($id: ID!) { order(id: $id) { status cancellationReason } }`;

/** The GraphQL calls the scenarios make besides the load's, each recording what was acknowledged. */
export class GqlOps {
  readonly client: GraphQLClient;

  constructor(
    url: string,
    private readonly acks: AckLog,
  ) {
    this.client = new GraphQLClient(url);
  }

  async adminToken(): Promise<string> {
    const email = process.env.ADMIN_EMAIL ?? 'admin@example.com';
    const password = process.env.ADMIN_PASSWORD ?? 'admin12345';
    return (await this.client.request<{ login: { token: string } }>(LOGIN, { email, password })).login.token;
  }

  async register(email: string): Promise<{ id: string; token: string }> {
    const r = await this.client.request<{ registerUser: { token: string; user: { id: string } } }>(REGISTER, {
      input: { email, name: `Chaos ${email.split('@')[0]}`, password: 'chaos-password' },
    });
    this.acks.add({ command: 'registerUser', streamId: `user-${r.registerUser.user.id}`, type: 'UserRegistered', version: 1, exact: true });
    return { id: r.registerUser.user.id, token: r.registerUser.token };
  }

  async addProduct(admin: string, sku: string, stock: number, price = 100): Promise<void> {
    await this.client.request(ADD, { sku, name: `Chaos ${sku}`, price, stock }, admin);
    this.acks.add({ command: 'addProduct', streamId: `product-${sku}`, type: 'ProductAdded', version: 1, exact: true });
  }

  /** Resolves with the version the answer gave. */
  async restock(admin: string, sku: string, quantity: number): Promise<number> {
    const r = await this.client.request<{ restockProduct: { version: number } }>(RESTOCK, { sku, q: quantity }, admin);
    this.acks.add({ command: 'restockProduct', streamId: `product-${sku}`, type: 'StockAdjusted', version: r.restockProduct.version, exact: true });
    return r.restockProduct.version;
  }

  async createOrder(token: string, sku: string, paymentToken: string, quantity = 1): Promise<string> {
    const r = await this.client.request<{ createOrder: { orderId: string } }>(CREATE, { input: { lines: [{ sku, quantity }], paymentToken } }, token);
    this.acks.add({ command: 'createOrder', streamId: `order-${r.createOrder.orderId}`, type: 'OrderCreated', version: 1, exact: true });
    return r.createOrder.orderId;
  }

  /** Resolves with the version the answer gave. */
  async cancelOrder(token: string, orderId: string): Promise<number> {
    const r = await this.client.request<{ cancelOrder: { version: number } }>(CANCEL, { id: orderId }, token);
    this.acks.add({ command: 'cancelOrder', streamId: `order-${orderId}`, type: 'OrderCancelled', version: r.cancelOrder.version, exact: false });
    return r.cancelOrder.version;
  }

  async orderStatus(token: string, orderId: string): Promise<string | undefined> {
    const r = await this.client.request<{ order: { status: string } | null }>(ORDER, { id: orderId }, token);
    return r.order?.status;
  }

  /** Counts a command the system did not acknowledge instead of failing the scenario: faults allow that. */
  async tolerant<T>(call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch {
      this.acks.refused++;
      return undefined;
    }
  }
}
