import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule, type TypeOrmModuleOptions } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { prepareSchema } from './prepare-schema';
import type { ServiceRole } from './service-roles';
import { pgConnectionOptions } from './session-options';

export interface DatabaseModuleOptions {
  /** The Postgres schema this service owns; it also holds the service's migrations table. */
  schema: string;
  /** The role the app acts as (SERVICE_ROLES); tests and benchmarks on schemas of their own omit it. */
  role?: ServiceRole;
  /** Omitted by an app that only reads (the gateway): it then creates and migrates nothing. */
  migrations?: NonNullable<DataSourceOptions['migrations']>;
}

@Module({})
export class DatabaseModule {
  static forService({ schema, role, migrations }: DatabaseModuleOptions): DynamicModule {
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
            extra: pgConnectionOptions(config, schema, `${schema},public`, role),
            migrations: migrations ?? [],
            synchronize: false,
            autoLoadEntities: true,
          }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options as DataSourceOptions).initialize();
            // Said once at start-up, so an operator (and test/security/least-privilege) sees whose rights the app has.
            const [{ current_user: acting }] = (await dataSource.query('SELECT current_user')) as { current_user: string }[];
            new Logger('Database').log(`PostgreSQL: schema ${schema}, acting as role ${acting}`);
            return migrations ? prepareSchema(dataSource, schema) : dataSource;
          },
        }),
      ],
    };
  }
}
