import { Injectable } from '@nestjs/common';
import type { estypes } from '@elastic/elasticsearch';
import { ElasticsearchService } from '@nestjs/elasticsearch';
import type { RunBuffer, RunScope } from '@app/messaging';
import { type BulkWrite, bulkOutcome } from './bulk-write';
import { Gatherer } from './gatherer';

/**
 * How long the search consumer's concurrent runs are gathered into one request: it lingers for
 * 100 ms per fetch anyway, and the runs of one fetch finish within a few ms of each other.
 */
const GATHER_MS = 10;

/** Only what bulkOutcome checks: the rest of each item is most of the bytes Elasticsearch would send. */
const BULK_FILTER = ['errors', 'items.*._id', 'items.*.status', 'items.*.error'];

/** The search consumer's writes and real-time reads, each gathered across its partitions (see Gatherer). */
@Injectable()
export class SearchRequests {
  private readonly bulks: Gatherer<BulkWrite, estypes.BulkResponseItem>;
  private readonly gets: Gatherer<{ _index: string; _id: string }, estypes.MgetResponseItem<unknown>>;

  constructor(es: ElasticsearchService) {
    this.bulks = new Gatherer(GATHER_MS, async (writes) => {
      const res = await es.bulk({ operations: writes.flat(), filter_path: BULK_FILTER });
      return res.items.map((item) => Object.values(item)[0] as estypes.BulkResponseItem);
    });
    this.gets = new Gatherer(GATHER_MS, async (docs) => (await es.mget({ docs })).docs);
  }

  /** Writes, then bulkOutcome of this caller's own items: the ids that met a 409, or a SearchWriteError. */
  async bulk(writes: BulkWrite[]): Promise<Set<string>> {
    return bulkOutcome(await this.bulks.submit(writes));
  }

  /** `mget` is real-time: it sees what was indexed before, refreshed or not. */
  mget<T>(index: string, ids: string[]): Promise<estypes.MgetResponseItem<T>[]> {
    return this.gets.submit(ids.map((_id) => ({ _index: index, _id }))) as Promise<estypes.MgetResponseItem<T>[]>;
  }
}

/** Writes of one run, sent as one gathered `_bulk` when the run ends (before its claims commit). */
class PendingWrites implements RunBuffer {
  readonly writes: BulkWrite[] = [];

  constructor(private readonly requests: SearchRequests) {}

  async flush(): Promise<void> {
    await this.requests.bulk(this.writes);
  }
}

/** Adds `writes` to the run's pending `_bulk` of `owner` (a handler): a handler of one document per event waits for no request. */
export const writeInRun = (run: RunScope, owner: object, requests: SearchRequests, ...writes: BulkWrite[]): void => {
  run.buffer(owner, () => new PendingWrites(requests)).writes.push(...writes);
};
