export { ConfigModule } from './config.module';
export { APP_CONFIG } from './config.token';
export { type AppConfig, type AppName, type KafkaConnection } from './config.schema';
export { ConfigError, loadConfig } from './load-config';
export { NAMESPACE, namespaced, resolveNamespace } from './namespace';
export { parseSettings } from './parse-settings';
