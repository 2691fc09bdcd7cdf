import { bootstrapApp } from '@app/bootstrap';
import { AppModule } from './app.module';

void bootstrapApp('gateway', AppModule);
