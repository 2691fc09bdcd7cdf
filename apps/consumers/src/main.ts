// First: refuses to start, with a clear message, on missing or invalid settings.
import '@app/config/preflight';
// Second: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) hooks require before anything it traces is loaded.
import '@app/tracing/register';
import { bootstrapApp } from '@app/bootstrap';
import { commandServerIds, startCommandServer } from '@app/commands';
import { AppModule } from './app.module';
import { connectConsumers } from './consumers';

void bootstrapApp('consumers', AppModule, async (app) => {
  await connectConsumers(app);
  // Inventory's command server. It runs app.init() and then starts every connected server, the
  // consumers above included: startConsumers here would start them a second time. Its group is
  // named after the app (`consumers-commands`), under the names the app's Kafka user owns.
  await startCommandServer(app, commandServerIds('consumers'));
});
