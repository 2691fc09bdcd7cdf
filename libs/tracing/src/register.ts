/**
 * `import '@app/tracing/register'` in an app's main.ts, right after the settings check and before
 * anything else: the instrumentations hook `require`, so kafkajs, pg, http and graphql must be
 * loaded after this line to be traced. The service name is OTEL_SERVICE_NAME, or else the app's
 * folder: every app runs as dist/apps/<app>/src/main.js (npm start, the tests, Docker).
 */
import { startTracing } from './start-tracing';

const appFolder = /[\\/]apps[\\/]([^\\/]+)[\\/]src[\\/]main(\.[cm]?[jt]s)?$/.exec(process.argv[1] ?? '')?.[1];
startTracing(process.env.OTEL_SERVICE_NAME || appFolder || 'commerce');
