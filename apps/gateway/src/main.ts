// First: refuses to start, with a clear message, on missing or invalid settings.
import '@app/config/preflight';
import { bootstrapApp } from '@app/bootstrap';
import { AppModule } from './app.module';

void bootstrapApp('gateway', AppModule);
