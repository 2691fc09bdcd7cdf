// First: refuses to start, with a clear message, on missing or invalid settings.
import '@app/config/preflight';
import { bootstrapApp } from '@app/bootstrap';
import { commandServerIds, startCommandServer } from '@app/commands';
import { AppModule } from './app.module';
import { connectConsumers } from './consumers';

void bootstrapApp('consumers', AppModule, async (app) => {
  await connectConsumers(app);
  // Inventory's command server. It runs app.init() and then starts every connected server, the
  // consumers above included: startConsumers here would start them a second time.
  await startCommandServer(app, commandServerIds('inventory'));
});
