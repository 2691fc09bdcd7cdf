export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';

  constructor(
    readonly variables: string[],
    readonly problems: string[],
  ) {
    // Problems name the variable and the expected shape, never the value: DATABASE_URL and
    // SMTP_URL may carry passwords.
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
