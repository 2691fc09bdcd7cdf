import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OrderView, type OrderStatus, READ_MODEL_SCHEMA, readModelChangeKey } from '@app/read-model';
import { ReadModelChanges } from '../shared/read-model-changes';
import type { OrderCursor } from './order-cursor';

export interface OrderFilter {
  /** Only this user's orders; undefined for all (admins). */
  userId?: string;
  status?: OrderStatus;
}

export interface OrderPage {
  rows: { order: OrderView; cursor: OrderCursor }[];
  hasNextPage: boolean;
  /** Matching the filter, on every page (the cursor does not change it). */
  totalCount: number;
}

// Columns aliased to OrderView's properties; pg parses uuid/text/jsonb/int/timestamptz as TypeORM does.
const ORDER_BY_ID = `SELECT id, user_id AS "userId", status, lines, total_cents AS "totalCents",
  cancellation_reason AS "cancellationReason", created_at AS "createdAt", updated_at AS "updatedAt", version
  FROM "${READ_MODEL_SCHEMA}".order_view WHERE id = $1`;

/** Reads `read_model.order_view`, which the consumers app projects from orders.events. Ids must be UUIDs (callers validate). */
@Injectable()
export class OrderViewReader {
  constructor(
    @InjectRepository(OrderView) private readonly orders: Repository<OrderView>,
    private readonly changes: ReadModelChanges,
  ) {}

  /**
   * The hottest read (every `order(id)`, every PROJECTED wait): hand-written SQL, since building
   * and hydrating it through TypeORM cost more CPU than the rest of the request's data access.
   */
  async findById(id: string): Promise<OrderView | null> {
    const rows: OrderView[] = await this.orders.query(ORDER_BY_ID, [id]);
    return rows[0] ?? null;
  }

  /** Newest first (`createdAt desc, id desc`), keyset-paginated: stable while new orders arrive. */
  async page(filter: OrderFilter, first: number, after?: OrderCursor): Promise<OrderPage> {
    const matching = this.orders.createQueryBuilder('o');
    if (filter.userId) matching.andWhere('o.user_id = :userId', { userId: filter.userId });
    if (filter.status) matching.andWhere('o.status = :status', { status: filter.status });

    const page = matching.clone();
    if (after) page.andWhere('(o.created_at, o.id) < (CAST(:afterCreatedAt AS timestamptz), CAST(:afterId AS uuid))', { afterCreatedAt: after.createdAt, afterId: after.id });
    page
      .addSelect(`to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_created_at')
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      // One more than asked: its presence is hasNextPage.
      .limit(first + 1);

    const [{ entities, raw }, totalCount] = await Promise.all([page.getRawAndEntities<{ cursor_created_at: string }>(), matching.getCount()]);
    const rows = entities.slice(0, first).map((order, i) => ({ order, cursor: { createdAt: raw[i].cursor_created_at, id: order.id } }));
    return { rows, hasNextPage: entities.length > first, totalCount };
  }

  /** The order once the view has applied `version` of its stream (or later), else null after `timeoutMs`. */
  waitForVersion(id: string, version: number, timeoutMs: number): Promise<OrderView | null> {
    return this.changes.waitUntil(readModelChangeKey('order_view', id), async () => {
      const order = await this.findById(id);
      return order && order.version >= version ? order : null;
    }, timeoutMs);
  }
}
