// Nest 12 and several of its dependencies ship ESM only. Jest runs tests in its own CommonJS
// module registry and can require() ESM natively only on Node >= 24.9; on our Node 20 those
// packages must be compiled to CommonJS first. TypeScript (already installed) compiles them;
// `import.meta`, which CommonJS lacks, is first rewritten to its CommonJS equivalents.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const ts = require('typescript');

const SELF = readFileSync(__filename);
// ESM is always strict, so the directive comes first, before the `import.meta` stand-in.
const IMPORT_META =
  '"use strict"; var __importMeta = { url: require("node:url").pathToFileURL(__filename).href, ' +
  'filename: __filename, dirname: __dirname, ' +
  'resolve: (s) => require("node:url").pathToFileURL(require.resolve(s)).href };';

const moduleTypes = new Map();
// Node's rule: the nearest package.json's "type" decides how a .js file is loaded.
function moduleType(dir) {
  if (!moduleTypes.has(dir)) {
    let type;
    try {
      type = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).type ?? 'commonjs';
    } catch {
      type = dirname(dir) === dir ? 'commonjs' : moduleType(dirname(dir));
    }
    moduleTypes.set(dir, type);
  }
  return moduleTypes.get(dir);
}

const isEsm = (path) => path.endsWith('.mjs') || (path.endsWith('.js') && moduleType(dirname(path)) === 'module');

module.exports = {
  getCacheKey(source, path, { configString }) {
    return createHash('sha1').update(SELF).update(path).update(source).update(configString).digest('hex');
  },
  process(source, path) {
    if (!isEsm(path)) return { code: source };
    const esm = source
      .replace(/\bimport\.meta\b/g, '__importMeta')
      // ESM code gets `require` from `createRequire(import.meta.url)`; CommonJS has its own, and
      // redeclaring it would clash with the parameter of Jest's module wrapper.
      .replace(/\b(const|let|var)\s+require\s*=/g, '$1 __esmRequire =');
    const { outputText } = ts.transpileModule(esm, {
      fileName: path,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        allowJs: true,
      },
    });
    return { code: IMPORT_META + outputText };
  },
};
