export { DatabaseModule, type DatabaseModuleOptions } from './database.module';
export { schemaOf } from './schema-of';
