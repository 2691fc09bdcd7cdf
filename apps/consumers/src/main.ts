import { bootstrapApp } from '@app/bootstrap';
import { AppModule } from './app.module';
import { startConsumers } from './consumers';

void bootstrapApp('consumers', AppModule, (app) => startConsumers(app).then(() => undefined));
