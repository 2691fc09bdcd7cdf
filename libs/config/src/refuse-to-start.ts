/**
 * Prints every settings problem (variable names and expected shapes, never values) and exits with
 * code 78 (EX_CONFIG): one clear message instead of a stack trace from whichever module failed.
 */
export function refuseToStart(problems: readonly string[]): never {
  process.stderr.write(
    `[config] cannot start (NODE_ENV=${process.env.NODE_ENV || 'unset, so production'}):\n${problems.map((p) => `  - ${p}\n`).join('')}` +
      '  Set these, or run with NODE_ENV=development for the local defaults (npm start does).\n',
  );
  process.exit(78);
}
