// First: refuses to start, with a clear message, on missing or invalid settings.
import '@app/config/preflight';
import { bootstrapApp } from '@app/bootstrap';
import { commandServerIds, startCommandServer } from '@app/commands';
import { AppModule } from './app.module';

void bootstrapApp('payment', AppModule, (app) => startCommandServer(app, commandServerIds('payment')));
