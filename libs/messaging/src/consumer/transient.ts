/**
 * Is this failure the infrastructure's (a dependency down, unreachable or overloaded) rather
 * than the event's? Such a failure says nothing about the event: the same event will succeed
 * once the dependency is back, so it must never use up the event's attempts and send it to the
 * dead-letter topic. A deterministic failure (a bug, a constraint, a bad payload, a statement
 * that exceeds its timeout) still does.
 */
export const isTransient = (error: unknown): boolean => {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isTransientOne(e as ErrorLike)) return true;
  }
  return false;
};

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  retriable?: unknown;
  statusCode?: unknown;
  meta?: { statusCode?: unknown };
}

/** Socket-level failures from Node (pg, Elasticsearch, Kafka and SMTP clients all surface these). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/**
 * PostgreSQL SQLSTATEs of a server that is unavailable or shedding load, or of a transaction that
 * lost a race and succeeds when run again: 08 connection exceptions, 53 insufficient resources,
 * 57P01-57P03 shutdown / cannot connect now, 40001 serialization failure, 40P01 deadlock.
 */
const PG_TRANSIENT = /^(08...|53...|57P0[123]|40001|40P01)$/;

/** pg and pg-pool report a lost or unobtainable connection only in words. */
const PG_CONNECTION_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|is not currently accepting connections/i;

/** @elastic/elasticsearch error classes for a cluster that did not answer. */
const ES_TRANSIENT_NAMES = new Set(['ConnectionError', 'TimeoutError', 'NoLivingConnectionsError']);

/** HTTP answers that mean "not now": throttled, bad gateway, unavailable, gateway timeout. */
const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);

const isTransientOne = (e: ErrorLike): boolean => {
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || PG_TRANSIENT.test(e.code))) return true;
  if (typeof e.message === 'string' && PG_CONNECTION_MESSAGES.test(e.message)) return true;
  if (typeof e.name === 'string' && ES_TRANSIENT_NAMES.has(e.name)) return true;
  const status = e.meta?.statusCode ?? e.statusCode;
  if (typeof status === 'number' && TRANSIENT_STATUS.has(status)) return true;
  // kafkajs marks the errors a retry can cure (broker not available, leader moved, timeouts).
  if (typeof e.name === 'string' && e.name.startsWith('KafkaJS') && e.retriable === true) return true;
  return false;
};
