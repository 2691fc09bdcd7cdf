import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { prepareSchema } from './prepare-schema';
import { pgConnectionOptions } from './session-options';

export interface DatabaseModuleOptions {
  /** The Postgres schema this service owns; it also holds the service's migrations table. */
  schema: string;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

@Module({})
export class DatabaseModule {
  static forService({ schema, migrations }: DatabaseModuleOptions): DynamicModule {
    // The name is interpolated into SQL (CREATE SCHEMA, search_path): accept plain identifiers only.
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name: ${schema}`);

    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig): TypeOrmModuleOptions => ({
            type: 'postgres',
            url: config.databaseUrl,
            schema,
            // Unqualified names in hand-written migration SQL must land in this service's schema,
            // not in `public` shared by every service.
            extra: pgConnectionOptions(config, schema, `${schema},public`),
            migrations,
            synchronize: false,
            autoLoadEntities: true,
          }),
          dataSourceFactory: async (options) =>
            prepareSchema(await new DataSource(options as DataSourceOptions).initialize(), schema),
        }),
      ],
    };
  }
}
