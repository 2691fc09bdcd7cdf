import { bootstrapApp } from '@app/bootstrap';
import { AppModule } from './app.module';
import { startCommandServer } from './command-server';

void bootstrapApp('user', AppModule, (app) => startCommandServer(app));
