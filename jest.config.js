// Two projects: `unit` (pure logic, beside the code) and `e2e` (real Kafka, PostgreSQL,
// Elasticsearch and SMTP, started by scripts/test.ts). Types are checked by `npm run typecheck`
// inside scripts/test.ts, so ts-jest only transpiles here (much faster on 2 cores).
const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // ESM-only packages (Nest 12, nodemailer...) compiled to CommonJS: see the transformer.
    '^.+\\.m?js$': '<rootDir>/test/support/esm-to-cjs.transformer.js',
  },
  transformIgnorePatterns: [],
  moduleNameMapper: { '^@app/([^/]+)(.*)$': '<rootDir>/libs/$1/src$2' },
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.stack/'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts,bench}/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/apps/*/test/**/*.e2e-spec.ts'],
      // `testTimeout` is a global option that Jest ignores inside `projects`; set it per file.
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts'],
    },
  ],
};
