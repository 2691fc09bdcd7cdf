import type { estypes } from '@elastic/elasticsearch';

/** Some operations of a `_bulk` request failed for a reason other than a version conflict. */
export class SearchWriteError extends Error {
  readonly code = 'SEARCH_WRITE_FAILED';
  /** 503 when every item was only refused for now (429 queue full, 503 shard unavailable): an outage, not the event's fault. */
  readonly statusCode?: number;
  constructor(readonly failures: { id?: string | null; status: number; type?: string; reason?: string | null }[]) {
    super(`bulk write failed: ${failures.map((f) => `${f.id} ${f.status} ${f.type}: ${f.reason}`).join('; ')}`);
    this.name = 'SearchWriteError';
    if (failures.every((f) => f.status === 429 || f.status === 503)) this.statusCode = 503;
  }
}

/** One `_bulk` operation: the action line and the document. */
export type BulkWrite = [action: object, document: object];

/** One externally versioned write. */
export const versionedIndex = (index: string, id: string, version: number, document: object, versionType: estypes.VersionType = 'external'): BulkWrite => [
  { index: { _index: index, _id: id, version, version_type: versionType } },
  document,
];

/**
 * How a caller's writes went. `_bulk` answers 200 even when items failed, so each item is
 * checked: 409 means the index already holds this version or a newer one, i.e. the write is
 * applied; anything else throws, and the runtime retries the whole event (the writes that did
 * succeed then answer 409, which is harmless). Resolves with the ids that met a 409, for a caller
 * that wrote without reading first and must then look (see PendingOrderDocuments).
 */
export const bulkOutcome = (items: estypes.BulkResponseItem[]): Set<string> => {
  const failures = items
    .filter((r) => r.error && r.status !== 409)
    .map((r) => ({ id: r._id, status: r.status, type: r.error?.type, reason: r.error?.reason }));
  if (failures.length) throw new SearchWriteError(failures);
  return new Set(items.filter((r) => r.status === 409 && r._id).map((r) => r._id!));
};
