import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Span } from '@opentelemetry/api';

/**
 * The http instrumentation's requestHook: a server span keeps the request's path, not its query
 * string. GraphQL over GET carries the query and its variables (a login's password among them)
 * in the URL, and spans leave the process. Covers the attributes of both semantic conventions
 * (the older `http.*` by default, `url.*` with OTEL_SEMCONV_STABILITY_OPT_IN=http).
 */
export const withoutQuery = (span: Span, request: ClientRequest | IncomingMessage): void => {
  const url = (request as IncomingMessage).url;
  if (typeof url !== 'string' || !url.includes('?')) return;
  const path = url.slice(0, url.indexOf('?'));
  const host = (request as IncomingMessage).headers?.host ?? 'localhost';
  span.setAttribute('http.target', path);
  span.setAttribute('http.url', `http://${host}${path}`);
  span.setAttribute('url.query', '[removed]');
  span.setAttribute('url.full', `http://${host}${path}`);
};
