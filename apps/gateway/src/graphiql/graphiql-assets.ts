import { dirname, join } from 'node:path';
import { PAGE_STYLE, START_SCRIPT } from './graphiql-start.script';

/** Where the page's files are served: by this gateway, never a CDN (no internet on many networks). */
export const GRAPHIQL_ASSETS_PATH = '/graphiql/assets';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

export type GraphiqlAsset = { type: string } & ({ text: string } | { file: () => string });

/**
 * A file of an installed package. Through its package.json: React's "exports" leave out its UMD
 * builds, which require.resolve would then refuse. Resolved on request, not at start, so a
 * gateway with GraphiQL off never needs these packages.
 */
const packageFile = (pkg: string, file: string) => () => join(dirname(require.resolve(`${pkg}/package.json`)), file);

/**
 * Every file the page loads, by the name it has under GRAPHIQL_ASSETS_PATH; nothing else is
 * served there (a fixed list: no path from the request ever reaches the file system). Scripts in
 * the order the page runs them: GraphiQL's UMD build needs the globals React and ReactDOM.
 */
export const GRAPHIQL_SCRIPTS: ReadonlyMap<string, GraphiqlAsset> = new Map<string, GraphiqlAsset>([
  ['react.production.min.js', { type: JS, file: packageFile('react', 'umd/react.production.min.js') }],
  ['react-dom.production.min.js', { type: JS, file: packageFile('react-dom', 'umd/react-dom.production.min.js') }],
  ['graphiql.min.js', { type: JS, file: packageFile('graphiql', 'graphiql.min.js') }],
  ['graphiql-start.js', { type: JS, text: START_SCRIPT }],
]);

export const GRAPHIQL_STYLES: ReadonlyMap<string, GraphiqlAsset> = new Map<string, GraphiqlAsset>([
  ['graphiql.min.css', { type: CSS, file: packageFile('graphiql', 'graphiql.min.css') }],
  ['graphiql-page.css', { type: CSS, text: PAGE_STYLE }],
]);

export const graphiqlAsset = (name: string): GraphiqlAsset | undefined => GRAPHIQL_SCRIPTS.get(name) ?? GRAPHIQL_STYLES.get(name);
