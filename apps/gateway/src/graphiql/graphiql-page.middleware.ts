import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../gateway-settings';
import { GRAPHIQL_CSP, GRAPHIQL_PAGE } from './graphiql-page';

/** Express' request, as far as this reads it (Express 5 ships no types of its own). */
type Request = IncomingMessage & { accepts(types: string[]): string | false };

/**
 * Apollo's own test for a landing page (ApolloServer.prefersHTML), with its media types in its
 * order: a GET whose Accept ranks text/html above every GraphQL response type, i.e. a browser's
 * address bar. Anything else (curl's default Accept, clients asking for JSON) never gets this page.
 */
const APOLLO_MEDIA_TYPES = [
  'application/json; charset=utf-8',
  'application/graphql-response+json; charset=utf-8',
  'multipart/mixed; deferSpec=20220824',
  'multipart/mixed; incrementalSpec=v0.2',
  'multipart/mixed',
  'text/html',
];
const prefersHtml = (req: Request) => req.method === 'GET' && !!req.headers.accept && req.accepts(APOLLO_MEDIA_TYPES) === 'text/html';

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': GRAPHIQL_CSP,
  'x-content-type-options': 'nosniff',
  // The same URL answers JSON to other clients: a cache must key on Accept.
  vary: 'Accept',
  'cache-control': 'no-store',
};

/**
 * Runs before Apollo on GET /graphql. Serves GraphiQL here, rather than as Apollo's landing page
 * (renderLandingPage), because Apollo sends a landing page with a Content-Type only, and this
 * page needs its Content-Security-Policy. With GraphiQL off, and for every other request, Apollo
 * answers exactly as it does without this (its landing page stays disabled).
 */
@Injectable()
export class GraphiqlPageMiddleware implements NestMiddleware {
  constructor(@Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings) {}

  use(req: Request, res: ServerResponse, next: () => void): void {
    if (!this.settings.graphiql || !prefersHtml(req)) return next();
    res.writeHead(200, PAGE_HEADERS).end(GRAPHIQL_PAGE);
  }
}
