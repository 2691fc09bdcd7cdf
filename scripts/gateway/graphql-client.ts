/** GraphQL over HTTP with Node's fetch, and the graphql-ws address of the same gateway. */

/** No HTTP answer at all: the load cannot run, which callers report differently from a refused request. */
export class GatewayUnreachableError extends Error {}

/** An answer with GraphQL errors (or none usable); `codes` lets callers tell refusals apart. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly codes: (string | undefined)[],
  ) {
    super(message);
  }
}

interface GqlBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

// undici hides the socket error (ECONNREFUSED, ENOTFOUND...) behind "fetch failed".
const causeOf = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
};

export class GraphQLClient {
  constructor(readonly url: string) {}

  /** Subscriptions are served on the same path, over ws:// (wss:// behind TLS). */
  get wsUrl(): string {
    const url = new URL(this.url);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url.toString();
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}, token?: string, timeoutMs = 30000): Promise<T> {
    // AbortSignal.timeout throws on a fractional delay, and deadlines here come from performance.now().
    const waitMs = Math.max(1, Math.ceil(timeoutMs));
    const signal = AbortSignal.timeout(waitMs);
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
        signal,
      });
    } catch (error) {
      if ((error as Error)?.name === 'TimeoutError') throw new GraphQLRequestError(`no answer within ${waitMs} ms`, ['TIMEOUT']);
      throw new GatewayUnreachableError(`cannot reach the gateway at ${this.url} (${causeOf(error)})`);
    }
    let body: GqlBody<T>;
    try {
      body = (await res.json()) as GqlBody<T>;
    } catch {
      throw new GraphQLRequestError(`HTTP ${res.status} from ${this.url} is not a GraphQL answer`, [`HTTP_${res.status}`]);
    }
    if (body.errors?.length) {
      throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), body.errors.map((e) => e.extensions?.code));
    }
    if (!body.data) throw new GraphQLRequestError(`HTTP ${res.status} without data`, [`HTTP_${res.status}`]);
    return body.data;
  }
}
