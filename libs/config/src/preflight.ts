/**
 * Imported first by every app's main.ts, before anything that reads the settings at import (topic
 * names read the namespace): checks the whole environment once, and if it is not usable prints
 * every problem (variable names and expected shapes, never values) and exits with code 78
 * (EX_CONFIG), instead of a stack trace from whichever module happened to load first.
 */
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
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
if (problems.length > 0) {
  process.stderr.write(
    `[config] cannot start (NODE_ENV=${process.env.NODE_ENV || 'unset, so production'}):\n${problems.map((p) => `  - ${p}\n`).join('')}` +
      '  Set these, or run with NODE_ENV=development for the local defaults (npm start does).\n',
  );
  process.exit(78);
}
