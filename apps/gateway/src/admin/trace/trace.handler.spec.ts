import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal';
import type { EventLogReader } from '../../stored-events/event-log.reader';
import type { ProcessedEventsReader } from './processed-events.reader';
import type { DeliveriesReader } from './deliveries.reader';
import { MAX_TRACE_EVENTS, TraceHandler } from './trace.handler';
import { TraceQuery } from './trace.query';

const admin: Principal = { userId: randomUUID(), role: 'ADMIN', email: 'admin@example.com' };
const ann: Principal = { userId: randomUUID(), role: 'CUSTOMER', email: 'ann@example.com' };
const asked: unknown[][] = [];
const log = { readCorrelation: async (...args: unknown[]) => (asked.push(args), []) } as unknown as EventLogReader;
const processed = { of: async () => (asked.push(['processed']), []) } as unknown as ProcessedEventsReader;
const deliveries = { causedBy: async () => (asked.push(['deliveries']), []) } as unknown as DeliveriesReader;
const trace = (principal: Principal | null, id: string) => new TraceHandler(log, processed, deliveries).execute(new TraceQuery(principal, id)).catch((e) => [e.code, e.field]);

describe('the trace query', () => {
  beforeEach(() => (asked.length = 0));

  it('is for admins only', async () => {
    expect(await trace(null, 'x')).toEqual(['UNAUTHENTICATED', undefined]);
    expect(await trace(ann, 'x')).toEqual(['FORBIDDEN', undefined]);
    expect(asked).toEqual([]);
  });

  it('refuses an empty or overlong correlationId before reading anything', async () => {
    expect(await trace(admin, '')).toEqual(['BAD_USER_INPUT', 'correlationId']);
    expect(await trace(admin, 'x'.repeat(201))).toEqual(['BAD_USER_INPUT', 'correlationId']);
    expect(asked).toEqual([]);
  });

  it('answers an unknown correlation with an empty trace, without asking the consumers', async () => {
    const id = randomUUID();
    expect(await trace(admin, id)).toEqual({ correlationId: id, nodes: [], totalMs: 0 });
    expect(asked).toEqual([[id, MAX_TRACE_EVENTS]]);
  });
});
