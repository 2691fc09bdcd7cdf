/**
 * The page's own script and style, served as files like GraphiQL's (./graphiql-assets) so that
 * the page's Content-Security-Policy needs no inline script: what the page could be made to run
 * is only what this gateway serves.
 */

// Shown in a new tab (GraphiQL keeps the tabs of a browser after that): how to send a token.
const DEFAULT_QUERY = [
  '# This gateway\'s GraphQL: queries and mutations over HTTP,',
  '# subscriptions over graphql-ws, both on this URL.',
  '#',
  '# Most operations need a token. Get one with login:',
  '#   mutation { login(email: "you@example.com", password: "...") { token } }',
  '# then put this into Headers (below):',
  '#   {"authorization": "Bearer <token>"}',
  '# Headers are not stored: they go when the tab is closed.',
  '',
  '{',
  '  products { sku name priceCents available reserved }',
  '}',
  '',
].join('\n');

/**
 * Plain ES5 in the browser, after React, ReactDOM and GraphiQL (UMD globals). The endpoint comes
 * from the page's markup; graphql-ws needs an absolute ws(s) URL, built from the page's origin so
 * it is right behind any host name or TLS proxy. Headers typed in the editor go with every HTTP
 * request and, for subscriptions, in connection_init's payload (where the gateway reads the
 * token, as browsers cannot set headers on a websocket): GraphiQL's fetcher does both.
 */
export const START_SCRIPT = `'use strict';
(function () {
  var root = document.getElementById('graphiql');
  var endpoint = root.getAttribute('data-endpoint');
  var socketUrl = (location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host + endpoint;
  var fetcher = GraphiQL.createFetcher({ url: endpoint, subscriptionUrl: socketUrl });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
      defaultEditorToolsVisibility: 'headers',
      isHeadersEditorEnabled: true,
      // A bearer token typed into Headers must not outlive the tab in localStorage.
      shouldPersistHeaders: false,
    }),
  );
})();
`;

// GraphiQL fills its root element, which must span the window.
export const PAGE_STYLE = `html, body { height: 100%; margin: 0; }
#graphiql { height: 100vh; }
`;
