import { Agent, request } from 'node:http';

export interface PreparedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface LoadTarget {
  port: number;
  /** Prepared before timing, so encoding them costs the client nothing per request. */
  requests: PreparedRequest[];
  /** A cheap check of each answer; a failing one aborts the run (an error page is not a rate). */
  ok: (status: number, body: string) => boolean;
}

/**
 * A closed-loop client: `concurrency` requests in flight at all times over as many keep-alive
 * sockets, cycling through the target's requests. node:http rather than fetch: it spends less of
 * the CPU the two-core machine shares with the server under test.
 */
export const loadClient = (target: LoadTarget, concurrency: number) => {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const send = (r: PreparedRequest): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: target.port, method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(r.body);
    });

  return {
    /** The i-th request's answer body, checked. */
    async fetch(i: number): Promise<string> {
      const { status, body } = await send(target.requests[i % target.requests.length]);
      if (!target.ok(status, body)) throw new Error(`unexpected answer ${status}: ${body.slice(0, 300)}`);
      return body;
    },
    /** Completed requests per second over `seconds` (the in-flight tail included). */
    async run(seconds: number): Promise<number> {
      let next = 0;
      let done = 0;
      const started = process.hrtime.bigint();
      const deadline = started + BigInt(Math.round(seconds * 1e9));
      const worker = async () => {
        while (process.hrtime.bigint() < deadline) {
          await this.fetch(next++);
          done++;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return done / (Number(process.hrtime.bigint() - started) / 1e9);
    },
    close: () => agent.destroy(),
  };
};
