/**
 * Imported first by every app's main.ts, before anything that reads the settings at import (topic
 * names read the namespace): checks the whole environment once, and if it is not usable prints
 * every problem and exits with code 78 (refuseToStart). The keys an app holds depend on which app
 * it is: bootstrapApp checks those.
 */
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { refuseToStart } from './refuse-to-start';
import { resolveNamespace } from './resolve-namespace';

const problemsOf = (check: () => unknown): string[] => {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

const problems = [...problemsOf(() => resolveNamespace(process.env)), ...problemsOf(() => loadConfig(process.env))];
if (problems.length > 0) refuseToStart(problems);
