/** One voice for the stack: every line says which service it is about. */
export const say = (service: string, message: string): void => {
  process.stdout.write(`[stack] ${service.padEnd(13)} ${message}\n`);
};

/** An expected failure: one clear line for the user, no stack trace. */
export class StackError extends Error {
  constructor(
    readonly service: string,
    message: string,
  ) {
    super(`${service}: ${message}`);
  }
}
