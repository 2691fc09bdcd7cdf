import { type DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventRegistry } from '@app/events';
import { ConsumerRuntime } from './consumer-runtime';

/**
 * Provides ConsumerRuntime over the app's DataSource (DatabaseModule) and the given registry.
 * The registry is passed in, not imported, so each app (and each test) decides which contracts it knows.
 */
@Module({})
export class ConsumerRuntimeModule {
  static forRoot({ registry }: { registry: EventRegistry }): DynamicModule {
    return {
      module: ConsumerRuntimeModule,
      providers: [{ provide: ConsumerRuntime, inject: [DataSource], useFactory: (dataSource: DataSource) => new ConsumerRuntime(registry, dataSource) }],
      exports: [ConsumerRuntime],
    };
  }
}
