/**
 * `npm run infra:up|infra:down|infra:status [-- service...]`: the local infrastructure alone.
 * Idempotent: `up` reuses what already runs, `down` stops only what this stack started.
 */
import { StackError } from './log';
import { down, status, up } from './stack';

const main = async (): Promise<void> => {
  const [command, ...args] = process.argv.slice(2);
  const names = args.length ? args : undefined;
  switch (command) {
    case 'up':
      await up(names);
      return;
    case 'down':
      await down(names);
      return;
    case 'status':
      for (const s of await status(names)) {
        const detail = s.pid ? `pid ${s.pid}, log ${s.log}` : '';
        console.log(`${s.name.padEnd(14)} ${s.state.padEnd(9)} ${s.address.padEnd(24)} ${detail}`);
      }
      return;
    default:
      throw new StackError('stack', `unknown command "${command ?? ''}" (use up, down or status)`);
  }
};

main().catch((err) => {
  console.error(err instanceof StackError ? `[stack] error: ${err.message}` : err);
  process.exit(1);
});
