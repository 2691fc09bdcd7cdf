import { Injectable } from '@nestjs/common';
import type { EventLogEntry } from '@app/read-model';
import { BatchLoader } from '../../graphql/batch-loader';
import { PaymentViewReader } from '../../orders/payment-view.reader';
import { EventLogReader } from '../../stored-events/event-log.reader';
import { SAGA_EVENT_TYPES, sagaStreams } from './saga-streams';

/**
 * Each saga's history, one loader per GraphQL request (as OrderLoaders): a page of 20 sagas
 * asking for `history` costs two queries (their payments, then their streams' events), not forty.
 */
@Injectable()
export class SagaHistoryLoaders {
  private readonly perRequest = new WeakMap<object, BatchLoader<string, EventLogEntry[]>>();

  constructor(
    private readonly log: EventLogReader,
    private readonly payments: PaymentViewReader,
  ) {}

  of(requestScope: object): BatchLoader<string, EventLogEntry[]> {
    let loader = this.perRequest.get(requestScope);
    if (!loader) this.perRequest.set(requestScope, (loader = new BatchLoader((orderIds) => this.histories(orderIds))));
    return loader;
  }

  private async histories(orderIds: string[]): Promise<Map<string, EventLogEntry[]>> {
    const payments = await this.payments.findByOrderIds(orderIds);
    const orderOfStream = new Map<string, string>();
    for (const orderId of orderIds) for (const stream of sagaStreams(orderId, payments.get(orderId)?.id)) orderOfStream.set(stream, orderId);
    const histories = new Map(orderIds.map((orderId) => [orderId, [] as EventLogEntry[]]));
    for (const event of await this.log.readStreams([...orderOfStream.keys()], SAGA_EVENT_TYPES)) histories.get(orderOfStream.get(event.streamId)!)!.push(event);
    return histories;
  }
}
