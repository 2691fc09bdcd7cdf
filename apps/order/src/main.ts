// First: refuses to start, with a clear message, on missing or invalid settings.
import '@app/config/preflight';
import { bootstrapApp } from '@app/bootstrap';
import { AppModule } from './app.module';
import { startOrderService } from './start-order-service';

void bootstrapApp('order', AppModule, (app) => startOrderService(app));
