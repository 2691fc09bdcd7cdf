// First: development mode, before any module reads the settings.
import '../../scripts/dev-mode';
import { NAMESPACE } from '@app/config';

/**
 * Benchmarks produce and index tens of thousands of fake events: only ever in a namespace of
 * their own (`npm run bench` makes a fresh `bench-<run>` and drops it afterwards), never in dev's
 * or a test run's. Import this first.
 */
if (!NAMESPACE.startsWith('bench-')) {
  throw new Error(`refusing to run in namespace "${NAMESPACE}": run benchmarks through \`npm run bench\` (or set COMMERCE_NAMESPACE=bench-<something>)`);
}
