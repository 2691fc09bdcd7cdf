import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig, type AppName, ConfigError } from '@app/config';
import { refuseToStart } from '@app/config/refuse-to-start';
import { loadServiceKeys } from '@app/config/service-keys';

/**
 * Starts one app the same way everywhere: shutdown hooks on (so Kafka consumers and pools close
 * on SIGTERM), listening on its configured host and port, one line once it is ready.
 * `configure` runs before listening, for what differs per app (e.g. connecting microservices).
 */
export async function bootstrapApp(
  name: AppName,
  module: Parameters<typeof NestFactory.create>[0],
  configure?: (app: INestApplication) => Promise<void> | void,
): Promise<INestApplication> {
  // Before anything connects: an app without its keys must not get as far as a half start.
  try {
    loadServiceKeys(name);
  } catch (error) {
    if (error instanceof ConfigError) refuseToStart(error.problems);
    throw error;
  }
  const app = await NestFactory.create<NestExpressApplication>(module);
  // No ETag: every answer here is a POST or a live status, never revalidated, and Express would
  // hash each body for it. No X-Powered-By: nothing gains from knowing the framework.
  app.set('etag', false);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  await configure?.(app);
  const { host, ports } = app.get<AppConfig>(APP_CONFIG);
  await app.listen(ports[name], host);
  new Logger(name).log(`${name} listening on http://${host}:${ports[name]}`);
  return app;
}
