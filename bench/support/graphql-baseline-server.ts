/**
 * B11's baseline, run as a process of its own like the gateway: `GET /orders/<id>` on a bare
 * node:http server doing the gateway's work for `order(id) { ... payment { ... } }` by hand:
 * verify the Bearer JWT (HS256 only, same issuer, audience and claims, exp required), check the id, read the order and then its
 * payment with the SQL of OrderViewReader.findById and PaymentViewReader.findByOrderIds
 * (same pool size), owner-or-admin, and answer the same JSON.
 * Env: PORT, DATABASE_URL, and JWT_SECRET as @app/config reads it.
 */
import { createSecretKey } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import { loadConfig } from '@app/config';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../apps/gateway/src/auth/token.service';

const config = loadConfig();
// Cached KeyObject: a string secret makes jsonwebtoken try it as a PEM key on every verify.
const key = createSecretKey(Buffer.from(config.jwtSecret));
// The gateway's DataSource sets no poolSize: pg's default of 10.
const pool = new Pool({ connectionString: config.databaseUrl, max: 10 });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Named: prepared once per connection, the fastest a raw pg client reads.
const ORDER = {
  name: 'b11-order',
  text: `SELECT id, user_id, status, lines, total_cents, cancellation_reason, created_at, updated_at, version
         FROM read_model.order_view WHERE id = $1 LIMIT 1`,
};
const PAYMENT = {
  name: 'b11-payment',
  text: `SELECT id, order_id, amount_cents, status, failure_reason, processed_at, version
         FROM read_model.payment_view WHERE order_id IN ($1)`,
};

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
};
const error = (res: ServerResponse, status: number, code: string) => send(res, status, { errors: [{ message: code, extensions: { code } }], data: { order: null } });

const principalOf = (header: string | undefined): { userId: string; role: string } | null => {
  const match = header && /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return null;
  try {
    const claims = jwt.verify(match[1], key, { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE }) as jwt.JwtPayload;
    const ok = typeof claims.exp === 'number' && typeof claims.sub === 'string' && UUID.test(claims.sub) && (claims.role === 'CUSTOMER' || claims.role === 'ADMIN') && typeof claims.email === 'string';
    return ok ? { userId: claims.sub!, role: claims.role } : null;
  } catch {
    return null;
  }
};

const server = createServer(async (req, res) => {
  if (req.url === '/health') return send(res, 200, { status: 'ok' });
  if (req.method !== 'GET' || !req.url?.startsWith('/orders/')) return error(res, 404, 'NOT_FOUND');
  const principal = principalOf(req.headers.authorization);
  if (!principal) return error(res, 401, 'UNAUTHENTICATED');
  const id = req.url.slice('/orders/'.length);
  if (!UUID.test(id)) return error(res, 400, 'BAD_USER_INPUT');
  try {
    const o = (await pool.query(ORDER, [id])).rows[0];
    if (!o) return send(res, 200, { data: { order: null } });
    if (principal.role !== 'ADMIN' && o.user_id !== principal.userId) return error(res, 403, 'FORBIDDEN');
    const p = (await pool.query(PAYMENT, [id])).rows[0];
    const lines = (o.lines as { sku: string; quantity: number; unitPriceCents: number | null }[]).map((l) => ({ sku: l.sku, quantity: l.quantity, unitPriceCents: l.unitPriceCents }));
    const payment = p && { id: p.id, orderId: p.order_id, amountCents: p.amount_cents, status: p.status, failureReason: p.failure_reason, processedAt: p.processed_at };
    const order = { id: o.id, userId: o.user_id, status: o.status, lines, totalCents: o.total_cents, cancellationReason: o.cancellation_reason, createdAt: o.created_at, updatedAt: o.updated_at, version: o.version, payment: payment ?? null };
    send(res, 200, { data: { order } });
  } catch {
    error(res, 500, 'INTERNAL_SERVER_ERROR');
  }
});
// As Node's default and Express': idle sockets stay open between the client's requests.
server.keepAliveTimeout = 5000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
});
