// First: refuses to start, with a clear message, on missing or invalid settings.
import '@app/config/preflight';
// Second: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) hooks require before anything it traces is loaded.
import '@app/tracing/register';
import { bootstrapApp } from '@app/bootstrap';
import { commandServerIds, startCommandServer } from '@app/commands';
import { AppModule } from './app.module';

void bootstrapApp('payment', AppModule, (app) => startCommandServer(app, commandServerIds('payment')));
