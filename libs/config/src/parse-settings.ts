import type { z } from 'zod';
import { ConfigError } from './config-error';

/**
 * An app's own settings from the environment, checked with `schema`: an empty variable counts as
 * unset (compose files and CI pass `VAR=`), and a ConfigError names every variable at fault,
 * never its value. The shared settings are loadConfig's; each app's own knobs come through here.
 */
export function parseSettings<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(set);
  if (result.success) return result.data;
  const variables = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
  throw new ConfigError(variables, result.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`));
}
