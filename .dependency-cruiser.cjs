// Layering rules from CONVENTIONS.md: apps import libs, never each other; libs never import apps.
// Run by `npm test` (scripts/test.ts) and `npm run lint:deps`.
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-other-app',
      comment: 'Apps talk through Kafka events, not imports.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      comment: 'Libraries are shared by apps and must not depend on one.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.stack)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
