import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { requireAdmin } from '../../auth/require-principal';
import { validateInput } from '../../shared/validate-input';
import type { SalesPointModel } from '../models/sales-point.model';
import { SalesReportReader } from '../sales-report.reader';
import { SalesReportQuery } from './sales-report.query';

/** Bounds one report's work: at most 744 hourly or 366 daily points. */
export const MAX_RANGE_DAYS = { HOUR: 31, DAY: 366 } as const;
const DAY_MS = 86_400_000;

const argsSchema = z
  .object({ from: z.date(), to: z.date(), granularity: z.enum(['HOUR', 'DAY']) })
  .refine((a) => a.from < a.to, { path: ['to'], message: 'to must be later than from' })
  .refine((a) => a.to.getTime() - a.from.getTime() <= MAX_RANGE_DAYS[a.granularity] * DAY_MS, {
    path: ['to'],
    message: `the range may span at most ${MAX_RANGE_DAYS.HOUR} days by HOUR and ${MAX_RANGE_DAYS.DAY} by DAY`,
  });

/** Admin only; see the resolver's description for what the points mean. */
@QueryHandler(SalesReportQuery)
export class SalesReportHandler implements IQueryHandler<SalesReportQuery> {
  constructor(private readonly reader: SalesReportReader) {}

  execute({ principal, from, to, granularity }: SalesReportQuery): Promise<SalesPointModel[]> {
    requireAdmin(principal, 'read sales reports');
    // An explicit null means the default, as an omitted argument does.
    const args = validateInput(argsSchema, { from, to, granularity: granularity ?? 'DAY' });
    return this.reader.points(args.from, args.to, args.granularity);
  }
}
