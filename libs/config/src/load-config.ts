import { DEV_MODES, DEV_ONLY_DEFAULTS, ENV_DEFAULTS, configSchema, type AppConfig } from './config.schema';
import { ConfigError } from './config-error';

export { ConfigError };

/** Parses and validates the environment; call it once per process (ConfigModule does). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Compose files and CI often pass `VAR=` to mean "unset": let the default apply.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const mode = set.NODE_ENV ?? ENV_DEFAULTS.NODE_ENV;
  const defaults = DEV_MODES.includes(mode) ? { ...ENV_DEFAULTS, ...DEV_ONLY_DEFAULTS } : ENV_DEFAULTS;
  const result = configSchema.safeParse({ ...defaults, ...set });
  if (result.success) return result.data;

  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const variable = String(issue.path[0]);
    if (!problems.has(variable)) problems.set(variable, `${variable}: ${issue.message}`);
  }
  throw new ConfigError([...problems.keys()], [...problems.values()]);
}
