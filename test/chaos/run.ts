/**
 * `npm run chaos [-- F1 F5 ...]`: the fault suite. The whole system (the five apps as processes,
 * Kafka, PostgreSQL, Elasticsearch, SMTP of its own) under the load generator's traffic, one
 * fault at a time, each followed by the oracle; prints a table and exits 1 if any scenario
 * failed (2: bad arguments). Takes up to half an hour; not part of `.ci/run`.
 */
import { randomBytes } from 'node:crypto';
import type { runSuite as RunSuite } from './suite';

const only = process.argv.slice(2).map((id) => id.toUpperCase());
const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
// Before any @app module loads: topic, group and index names are fixed when they are imported.
process.env.COMMERCE_NAMESPACE = `chaos-${run}`;
process.env.NODE_ENV = 'test';

// Required only now, not imported: an import would load the @app modules before the lines above.
const { runSuite } = require('./suite') as { runSuite: typeof RunSuite };

runSuite(run, only)
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error('[chaos] the suite could not run:', error);
    process.exit(1);
  });
