import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@app/events';
import type { RunBuffer, RunScope } from '@app/messaging';
import { SearchWriteError, versionedIndex } from './bulk-write';
import type { OrderDocument } from './orders-index.mapping';
import { ProductNames } from './product-names';
import { SearchRequests } from './search-requests';
import { ORDERS_ALIAS } from './search-indices';

export type OrderChanges = Partial<Omit<OrderDocument, 'orderId' | 'productNames' | 'updatedAt' | 'fieldVersions'>>;
export type OrderChange = { version: number; occurredAt: string; changes: OrderChanges };

/** What we know of an order whose earlier events we never saw (e.g. indexed after topic retention). */
const unknownOrder = (orderId: string): OrderDocument => ({
  orderId,
  userId: null,
  status: 'PENDING',
  skus: [],
  productNames: [],
  totalCents: null,
  cancellationReason: null,
  createdAt: null,
  updatedAt: new Date(0).toISOString(),
});

/**
 * Folds one event into a document field by field: a field takes the event's value only when no
 * later event has set it (`fieldVersions`), so a redriven older event fills in what is missing
 * and a duplicate changes nothing (the same document comes back). A document indexed before
 * field versions existed counts every field as set at its own version.
 */
const foldChange = ({ doc, version }: { doc: OrderDocument; version: number }, { version: v, occurredAt, changes }: OrderChange) => {
  const seen = (field: string) => doc.fieldVersions?.[field] ?? (doc.fieldVersions ? 0 : version);
  const fresh = Object.entries(changes).filter(([field]) => seen(field) < v);
  if (fresh.length === 0) return { doc, version };
  const fieldVersions = { ...doc.fieldVersions, ...Object.fromEntries(fresh.map(([field]) => [field, v])) };
  const updatedAt = v > version ? occurredAt : doc.updatedAt;
  return { doc: { ...doc, ...Object.fromEntries(fresh), fieldVersions, updatedAt }, version: Math.max(v, version) };
};

type Folded = { doc: OrderDocument; version: number; versionType: 'external' | 'external_gte' };

/**
 * The order events of one run, folded into their orders' documents and written together: one
 * `_bulk` per run, plus one `mget` for the orders that already have a document (both gathered with
 * those of the runs of other partitions, see SearchRequests). Elasticsearch's
 * `update` (a partial `doc`) cannot take an external version, so each document is read, changed
 * and indexed whole under the highest stream version applied to it (see foldChange): a repeated
 * event changes nothing, and a concurrent writer that got further first answers with a harmless 409.
 *
 * An order whose first event here is its stream's first (OrderCreated, version 1) has no document
 * yet, so it is written without reading; a 409 then means one exists after all (a duplicate
 * delivery, or a redriven OrderCreated after later events), and that order is read and folded
 * like the others. Most orders are written without a read that way.
 */
export class PendingOrderDocuments implements RunBuffer {
  private readonly byOrder = new Map<string, OrderChange[]>();

  constructor(
    private readonly requests: SearchRequests,
    private readonly names: ProductNames,
    /** The alias live; a rebuild folds into its new index the same way (rebuild/). */
    private readonly index = ORDERS_ALIAS,
  ) {}

  add(orderId: string, change: OrderChange): void {
    this.byOrder.set(orderId, [...(this.byOrder.get(orderId) ?? []), change]);
  }

  async flush(): Promise<void> {
    const ids = [...this.byOrder.keys()];
    if (ids.length === 0) return;
    const blind = ids.filter((id) => this.byOrder.get(id)![0].version === 1);
    const unwritten = blind.map((orderId) => this.fold(orderId, undefined));
    const others = ids.filter((id) => this.byOrder.get(id)![0].version !== 1);
    const conflicts = await this.write([...unwritten.flatMap((f) => f ?? []), ...(await this.readAndFold(others))]);
    const found = blind.filter((id) => conflicts.has(id));
    if (found.length > 0) await this.write(await this.readAndFold(found));
  }

  private fold(orderId: string, found: { _source?: OrderDocument; _version?: number } | undefined): Folded | undefined {
    const start = { doc: found?._source ?? unknownOrder(orderId), version: found?._version ?? 0 };
    const next = this.byOrder.get(orderId)!.reduce(foldChange, start);
    if (next.doc === start.doc) return undefined;
    // Only older fields filled in (a redriven event): same stream version, so the write must accept an equal one.
    return { doc: next.doc, version: next.version, versionType: next.version > start.version ? 'external' : 'external_gte' };
  }

  private async readAndFold(ids: string[]): Promise<Folded[]> {
    if (ids.length === 0) return [];
    // `mget` is real-time (no refresh needed), unlike a search.
    const docs = await this.requests.mget<OrderDocument>(this.index, ids);
    return ids.flatMap((orderId, i) => {
      const current = docs[i];
      // A document we could not read is not one we may rebuild from scratch: fail, and retry.
      if ('error' in current && current.error) throw new SearchWriteError([{ id: orderId, status: 503, type: current.error.type, reason: current.error.reason }]);
      return this.fold(orderId, 'found' in current && current.found && current._source ? current : undefined) ?? [];
    });
  }

  private async write(folded: Folded[]): Promise<Set<string>> {
    // Looked up at every write, not only at OrderCreated: a product indexed after the order was
    // (its ProductAdded waiting on another partition) is filled in by the order's next event.
    const names = await this.names.of(folded.flatMap(({ doc }) => doc.skus));
    const writes = folded.map(({ doc, version, versionType }) =>
      versionedIndex(this.index, doc.orderId, version, { ...doc, productNames: doc.skus.flatMap((sku) => names.get(sku) ?? []) }, versionType),
    );
    return this.requests.bulk(writes);
  }
}

/** The order handlers' way into the run's PendingOrderDocuments. */
@Injectable()
export class OrderDocumentWriter {
  constructor(
    private readonly requests: SearchRequests,
    private readonly names: ProductNames,
  ) {}

  apply(event: EventEnvelope<{ orderId: string }>, changes: OrderChanges, run: RunScope): Promise<void> {
    const pending = run.buffer(this, () => new PendingOrderDocuments(this.requests, this.names));
    pending.add(event.payload.orderId, { version: event.streamVersion, occurredAt: event.occurredAt, changes });
    return Promise.resolve();
  }
}
