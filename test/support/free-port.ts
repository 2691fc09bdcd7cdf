import { createServer } from 'node:net';

/** A port nothing listens on right now (the OS picks it): several systems, and the chaos suite's own infrastructure, run beside the shared stack's fixed ports. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
