import { Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { stopTracing } from './start-tracing';

@Injectable()
class FlushSpansOnShutdown implements OnApplicationShutdown {
  // Both app.close() and SIGTERM (enableShutdownHooks) come through here: the spans still in the
  // batch processor are exported before the process exits.
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }
}

/** Imported by every app: stops tracing (flushing its spans) when the app shuts down. Nothing to do when tracing is off. */
@Module({ providers: [FlushSpansOnShutdown] })
export class TracingModule {}
