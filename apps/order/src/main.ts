// First: refuses to start, with a clear message, on missing or invalid settings.
import '@app/config/preflight';
// Second: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) hooks require before anything it traces is loaded.
import '@app/tracing/register';
import { bootstrapApp } from '@app/bootstrap';
import { AppModule } from './app.module';
import { startOrderService } from './start-order-service';

void bootstrapApp('order', AppModule, (app) => startOrderService(app));
