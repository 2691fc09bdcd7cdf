import type { IncomingMessage } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { withoutQuery } from './without-query';

const spanRecording = () => {
  const attributes: Record<string, unknown> = {};
  return { attributes, span: { setAttribute: (k: string, v: unknown) => (attributes[k] = v) } as unknown as Span };
};

describe('withoutQuery (server spans keep no query string)', () => {
  it("replaces every URL attribute of a request with a query by its path: GraphQL's variables stay out of spans", () => {
    const { span, attributes } = spanRecording();
    withoutQuery(span, { url: '/graphql?query=mutation%7Blogin&variables=%7B%22password%22%3A%22s3cret%22%7D', headers: { host: 'gw:3000' } } as unknown as IncomingMessage);
    expect(attributes).toEqual({ 'http.target': '/graphql', 'http.url': 'http://gw:3000/graphql', 'url.query': '[removed]', 'url.full': 'http://gw:3000/graphql' });
    expect(JSON.stringify(attributes)).not.toContain('s3cret');
  });

  it('leaves a request without a query, and an outgoing request, as the instrumentation recorded them', () => {
    const { span, attributes } = spanRecording();
    withoutQuery(span, { url: '/graphql', headers: {} } as unknown as IncomingMessage);
    withoutQuery(span, { path: '/_bulk?refresh=false' } as never);
    expect(attributes).toEqual({});
  });
});
