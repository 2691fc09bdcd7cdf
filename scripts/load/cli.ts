/**
 * `npm run load -- --customers N --orders M [--url U] [--stock S] [--timeout-ms T]`: load against
 * a running system. Exit 0 when the oracle holds, 1 when it does not, 2 when the load could not
 * run at all (bad arguments, gateway unreachable, admin login or setup refused).
 */
import { parseArgs } from 'node:util';
import { GatewayUnreachableError } from '../gateway/graphql-client';
import { formatReport } from './report';
import { runLoad } from './run-load';

const USAGE = 'usage: npm run load -- --customers N --orders M [--url http://127.0.0.1:3000/graphql] [--stock S] [--timeout-ms T]';

class UsageError extends Error {}

const integer = (name: string, raw: string | undefined, min: number, fallback?: number): number => {
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min) throw new UsageError(`--${name} must be an integer >= ${min}, got "${raw}"`);
  return value;
};

const parse = () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        customers: { type: 'string' },
        orders: { type: 'string' },
        url: { type: 'string', default: 'http://127.0.0.1:3000/graphql' },
        stock: { type: 'string' },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  const orders = integer('orders', values.orders, 0);
  return {
    url: values.url,
    customers: integer('customers', values.customers, 1),
    orders,
    stock: integer('stock', values.stock, 0, orders),
    timeoutMs: integer('timeout-ms', values['timeout-ms'], 1, 60000),
  };
};

const main = async (): Promise<number> => {
  const options = parse();
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  const report = await runLoad({ ...options, progress: process.stderr });
  for (const line of formatReport(report)) console.log(line);
  return report.oracle.ok ? 0 : 1;
};

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    if (error instanceof UsageError) console.error(`error: ${error.message}\n${USAGE}`);
    else if (error instanceof GatewayUnreachableError) console.error(`error: ${error.message}; is the system running (npm start)?`);
    else console.error(`error: the load could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
