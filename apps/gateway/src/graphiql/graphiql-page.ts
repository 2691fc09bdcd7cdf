import { GRAPHQL_PATH } from '../graphql/graphql-path';
import { GRAPHIQL_ASSETS_PATH, GRAPHIQL_SCRIPTS, GRAPHIQL_STYLES } from './graphiql-assets';

/**
 * Only what this gateway serves; each exception is what GraphiQL 3 needs to work:
 * - style-src 'unsafe-inline': Radix's dialogs (react-remove-scroll) add a <style> element and
 *   CodeMirror's dialogs carry style attributes. A style cannot run script; scripts stay 'self'.
 * - font-src and img-src data:: graphiql.min.css embeds its fonts and icons as data: URLs.
 * - connect-src 'self': HTTP operations and the graphql-ws socket go to this origin's GraphQL
 *   path ('self' covers ws: and wss: to the same host under CSP 3).
 * No 'unsafe-eval': the bundle's one `new Function` is webpack's fallback for a missing globalThis.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const url = (name: string) => `${GRAPHIQL_ASSETS_PATH}/${name}`;

/**
 * The page: no external URL at all (it must work offline) and no inline script or style. The
 * root element's id is "graphiql", for the start script and for browser tests alike. The empty
 * data: icon spares the browser a request for /favicon.ico, and its console a 404.
 */
export const GRAPHIQL_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL · commerce gateway</title>
<link rel="icon" href="data:,">
${[...GRAPHIQL_STYLES.keys()].map((name) => `<link rel="stylesheet" href="${url(name)}">`).join('\n')}
</head>
<body>
<div id="graphiql" data-endpoint="${GRAPHQL_PATH}">Loading GraphiQL…</div>
<noscript>GraphiQL needs JavaScript. Without it, POST operations to ${GRAPHQL_PATH}.</noscript>
${[...GRAPHIQL_SCRIPTS.keys()].map((name) => `<script src="${url(name)}"></script>`).join('\n')}
</body>
</html>
`;
