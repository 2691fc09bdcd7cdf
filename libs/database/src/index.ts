export { DatabaseModule, type DatabaseModuleOptions } from './database.module';
export { schemaOf } from './schema-of';
export { pgConnectionOptions } from './session-options';
export { addFieldVersions, dropFieldVersions } from './field-versions-column';
export { createSchemaIfMissing } from './create-schema';
export { SERVICE_ROLES, type ServiceRole } from './service-roles';
export { isUniqueViolation, type UniqueViolation } from './pg-errors';
export { createSuccessors, dropRetired, dropSuccessors, lockLiveTables, successorOf, swapInSuccessors } from './table-swap';
