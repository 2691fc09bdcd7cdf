import type { INestApplication } from '@nestjs/common';
import type { ConsumerDefinition } from './consumer-definition';
import { ConsumerServer, type ConsumerServerOptions } from './consumer-server';

/**
 * Adds one consumer group to a Nest app; an app may host several. Start them with
 * `app.startAllMicroservices()` after connecting them all.
 */
export const connectConsumer = (app: INestApplication, definition: ConsumerDefinition, options: ConsumerServerOptions): ConsumerServer => {
  const server = new ConsumerServer(definition, options);
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return server;
};
