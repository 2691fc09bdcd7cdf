import { randomUUID } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { type Client, createClient } from 'graphql-ws';
import request from 'supertest';
import WebSocket from 'ws';
import { ConfigError, loadConfig } from '@app/config';
import { assertTestDatabase } from '../../../test/support/test-env';
import { signTestToken } from '../../../test/support/tokens';
import { AppModule } from '../src/app.module';
import { GATEWAY_SETTINGS, type GatewaySettings, loadGatewaySettings } from '../src/gateway-settings';

assertTestDatabase();

const config = loadConfig();
// What a browser's address bar sends.
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8';
const ASSETS = ['graphiql.min.js', 'graphiql.min.css', 'react.production.min.js', 'react-dom.production.min.js', 'graphiql-start.js', 'graphiql-page.css'];
const token = () => signTestToken(config.jwtSecret, randomUUID(), 'CUSTOMER');
const attributes = (html: string, name: string) => [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
// Every URL the page names but its empty icon (which spares a request for /favicon.ico).
const urlsOf = (html: string) => attributes(html, '(?:src|href)').filter((url) => url !== 'data:,');

/** The gateway in-process with these settings; `check` runs on them first. */
const gateway = (settings: () => GatewaySettings, check: (s: GatewaySettings) => void) => {
  const started = { app: undefined as unknown as INestApplication, get: (url: string) => request(started.app.getHttpServer()).get(url) };
  beforeAll(async () => {
    check(settings());
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).overrideProvider(GATEWAY_SETTINGS).useValue(settings()).compile();
    started.app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
    await started.app.listen(0, '127.0.0.1');
  });
  afterAll(() => started.app?.close());
  return started;
};

/** Requests that are not a browser's: Apollo answers them alike whether GraphiQL is on or off. */
const expectApolloAsBefore = async (app: INestApplication) => {
  const typename = { data: { __typename: 'Query' } };
  // As GraphiQL's fetcher posts, with the header one pastes into its editor.
  const posted = await request(app.getHttpServer()).post('/graphql').set({ 'content-type': 'application/json', accept: 'application/json, multipart/mixed', authorization: `Bearer ${token()}` }).send({ query: '{ __typename }' });
  expect([posted.status, posted.body]).toEqual([200, typename]);
  const get = await request(app.getHttpServer()).get('/graphql').query({ query: '{ __typename }' }).set('apollo-require-preflight', 'true');
  expect([get.status, get.body]).toEqual([200, typename]);
  // Apollo's CSRF prevention: a GET without a header a form cannot send is not executed.
  expect((await request(app.getHttpServer()).get('/graphql').query({ query: '{ __typename }' })).status).toBe(400);
  for (const accept of ['*/*', 'application/json']) expect((await request(app.getHttpServer()).get('/graphql').set('accept', accept)).type).toBe('application/json');
};

describe('the GRAPHIQL setting', () => {
  it('is on in development and test, off in production and with NODE_ENV unset, unless GRAPHIQL says otherwise', () => {
    const on = (env: NodeJS.ProcessEnv) => loadGatewaySettings(env).graphiql;
    expect([on({ NODE_ENV: 'development' }), on({ NODE_ENV: 'test' }), on({ NODE_ENV: 'production' }), on({}), on({ NODE_ENV: 'production', GRAPHIQL: '' })]).toEqual([true, true, false, false, false]);
    expect([on({ NODE_ENV: 'production', GRAPHIQL: 'true' }), on({ GRAPHIQL: 'true' }), on({ NODE_ENV: 'development', GRAPHIQL: 'false' })]).toEqual([true, true, false]);
    expect(() => loadGatewaySettings({ GRAPHIQL: 'yes' })).toThrow(ConfigError);
  });
});

describe('the gateway with GraphiQL on (NODE_ENV=test)', () => {
  const gw = gateway(() => loadGatewaySettings(), (settings) => expect(settings.graphiql).toBe(true));
  const page = () => gw.get('/graphql').set('accept', BROWSER);

  it('answers a browser on /graphql with GraphiQL, which loads only files of this gateway, under a strict CSP', async () => {
    const { status, headers, text } = await page();
    expect([status, headers['content-type'], headers.vary]).toEqual([200, 'text/html; charset=utf-8', 'Accept']);
    expect(text).toMatch(/<div id="graphiql" data-endpoint="\/graphql">/);
    expect(attributes(text, 'href').filter((url) => url.startsWith('data:'))).toEqual(['data:,']);
    expect(urlsOf(text).map((url) => url.replace(/^\/graphiql\/assets\//, '')).sort()).toEqual([...ASSETS].sort());
    expect(attributes(text, 'src')).toEqual(['react.production.min.js', 'react-dom.production.min.js', 'graphiql.min.js', 'graphiql-start.js'].map((f) => `/graphiql/assets/${f}`));
    // Offline: no URL of another origin anywhere in it, nor an inline script or style.
    expect(text).not.toMatch(/https?:|\/\/|<style|<script>|\sstyle=/i);
    const csp = new Map(headers['content-security-policy'].split(';').map((d: string) => d.trim().split(/\s+/)).map(([name, ...sources]: string[]) => [name, sources]));
    expect(['default-src', 'script-src', 'connect-src', 'frame-ancestors'].map((name) => csp.get(name))).toEqual([["'none'"], ["'self'"], ["'self'"], ["'none'"]]);
    expect(headers['content-security-policy']).not.toMatch(/\*|https?:|'unsafe-eval'/);
    expect([...csp].filter(([, sources]) => sources.includes("'unsafe-inline'")).map(([name]) => name)).toEqual(['style-src']);
  });

  it('serves each file the page loads, from the installed packages, and nothing else there', async () => {
    const urls = urlsOf((await page()).text);
    expect(urls).toHaveLength(ASSETS.length);
    for (const url of urls) {
      const css = url.endsWith('.css');
      const { status, headers, text: body } = await gw.get(url);
      expect([url, status, headers['content-type'], headers['x-content-type-options']]).toEqual([url, 200, `text/${css ? 'css' : 'javascript'}; charset=utf-8`, 'nosniff']);
      expect(body.length).toBeGreaterThan(url.endsWith('page.css') ? 10 : 200);
      if (url.endsWith('graphiql.min.js')) expect(body).toContain('GraphiQL');
      // Styles load nothing from elsewhere either: their fonts and images are data: URLs.
      if (css) expect([...body.matchAll(/url\(\s*["']?([^"')]*)|@import/g)].map((m) => m[1] ?? m[0]).filter((u) => !u.startsWith('data:'))).toEqual([]);
    }
    for (const unknown of ['package.json', '..%2F..%2Fpackage.json', 'constructor', 'graphiql.min.js.map']) {
      expect([unknown, (await gw.get(`/graphiql/assets/${unknown}`)).status]).toEqual([unknown, 404]);
    }
  });

  it('points GraphiQL at this gateway: operations over HTTP on /graphql, subscriptions over graphql-ws on the same URL', async () => {
    const { text } = await page();
    const script = (await gw.get('/graphiql/assets/graphiql-start.js')).text;
    expect(script).not.toMatch(/https?:\/\//);
    // The start script run as the browser would, against stand-ins for the page and the globals.
    const root = { getAttribute: (name: string) => attributes(text, name)[0] };
    const seen: { fetcher?: { url: string; subscriptionUrl: string }; props?: Record<string, unknown>; root?: unknown } = {};
    const { host } = new URL(await gw.app.getUrl());
    runInNewContext(script, {
      document: { getElementById: (id: string) => (id === 'graphiql' ? root : null) },
      location: { protocol: 'http:', host },
      GraphiQL: { createFetcher: (options: typeof seen.fetcher) => ((seen.fetcher = options), 'fetcher') },
      React: { createElement: (_type: unknown, props: Record<string, unknown>) => props },
      ReactDOM: { createRoot: (element: unknown) => ({ render: (props: Record<string, unknown>) => Object.assign(seen, { root: element, props }) }) },
    });

    expect([seen.fetcher, seen.root === root]).toEqual([{ url: '/graphql', subscriptionUrl: `ws://${host}/graphql` }, true]);
    expect(seen.props).toMatchObject({ fetcher: 'fetcher', isHeadersEditorEnabled: true, shouldPersistHeaders: false, defaultEditorToolsVisibility: 'headers' });
    // GraphiQL sends the header editor's {"authorization": ...} as connection_init's payload.
    let client: Client | undefined;
    await new Promise((resolve, reject) => {
      client = createClient({ url: seen.fetcher!.subscriptionUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token()}` }, lazy: false, retryAttempts: 0, on: { connected: resolve, closed: reject } });
    }).finally(() => client?.dispose());
  });

  it('answers every other request as Apollo did before', () => expectApolloAsBefore(gw.app));
});

describe('the gateway with GraphiQL off (NODE_ENV=production)', () => {
  const gw = gateway(() => loadGatewaySettings({ ...process.env, NODE_ENV: 'production', GRAPHIQL: undefined }), (settings) => expect(settings.graphiql).toBe(false));

  it('answers a browser on /graphql as Apollo answers a GET without a query (a 4xx), and serves none of the files', async () => {
    const response = await gw.get('/graphql').set('accept', BROWSER);
    expect([Math.floor(response.status / 100), response.type, response.headers['content-security-policy']]).toEqual([4, 'application/json', undefined]);
    expect(response.text).not.toMatch(/graphiql/i);
    for (const name of ASSETS) {
      const asset = await gw.get(`/graphiql/assets/${name}`);
      expect([name, asset.status, asset.headers['cache-control']]).toEqual([name, 404, undefined]);
      expect(asset.text).not.toMatch(/GraphiQL|React/);
    }
  });

  it('answers every other request as with GraphiQL on', () => expectApolloAsBefore(gw.app));
});
