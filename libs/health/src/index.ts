export { type Dependency, HealthModule, type HealthModuleOptions } from './health.module';
