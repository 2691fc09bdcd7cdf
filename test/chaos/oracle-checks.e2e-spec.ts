import { checkAcked } from './oracle/check-acked';
import { checkClaims } from './oracle/check-claims';
import { checkDeadLetters } from './oracle/check-dead-letters';
import { checkDeadlines } from './oracle/check-deadlines';
import { checkMail } from './oracle/check-mail';
import { checkReadModel } from './oracle/check-read-model';
import { checkRefunds } from './oracle/check-refunds';
import { checkRelayed } from './oracle/check-relayed';
import { checkSearch } from './oracle/check-search';
import { checkStock } from './oracle/check-stock';
import { checkStreams } from './oracle/check-streams';
import type { FindingKind } from './oracle/findings';
import type { Check, OracleInput } from './oracle/oracle-input';
import { foldStreams } from './oracle/snapshot';
import { consistentInput } from './support/consistent-input';

const ALL: Check[] = [checkAcked, checkStreams, checkRelayed, checkClaims, checkReadModel, checkSearch, checkStock, checkDeadlines, checkRefunds, checkMail, checkDeadLetters];
const kinds = (check: Check, input: OracleInput): FindingKind[] => check(input).map((f) => f.kind);
const orderId = (input: OracleInput): string => [...input.snapshot.orders.keys()][0];

/**
 * The chaos oracle's checks on data made by hand (no system needed; here because Jest's unit
 * project only looks in apps, libs, scripts and bench): silent on a consistent system, and each
 * one fails on the fault it exists for. A check that cannot fail would pass every scenario.
 */
describe('chaos oracle checks', () => {
  it('find nothing when every copy agrees with the stores', () => {
    const input = consistentInput();
    expect(ALL.flatMap((check) => check(input))).toEqual([]);
  });

  it('report an acknowledged append missing, or two acknowledged appends in one slot', () => {
    const input = consistentInput();
    const ack = input.acks[1];
    expect(kinds(checkAcked, { ...input, acks: [...input.acks, { ...ack, command: 'restockProduct', type: 'StockAdjusted', version: 4 }] })).toEqual(['lost']);
    expect(kinds(checkAcked, { ...input, acks: [...input.acks, { ...ack, command: 'again' }] })).toEqual(['lost']);
  });

  it('report an event that never reached Kafka, and one a consumer never applied', () => {
    const input = consistentInput();
    const confirmed = input.snapshot.scoped.find((e) => e.type === 'OrderConfirmed')!;
    input.kafka.eventIds.get('ns.orders.events')!.delete(confirmed.eventId);
    input.snapshot.claims.delete(`inventory ${confirmed.eventId}`);
    expect(kinds(checkRelayed, input)).toEqual(['lost']);
    expect(kinds(checkClaims, input)).toEqual(['lost']);
  });

  it('report a view or a search document that disagrees with the stores', () => {
    const input = consistentInput();
    input.snapshot.rows.orderView.get(orderId(input))!.status = 'AWAITING_PAYMENT';
    input.search.users.clear();
    expect(kinds(checkReadModel, input)).toEqual(['wrong']);
    expect(kinds(checkSearch, input)).toEqual(['wrong', 'lost']);
  });

  it('report units created or reserved by nobody', () => {
    const input = consistentInput();
    input.snapshot.rows.productView.get('SKU-1')!.available = 5;
    expect(kinds(checkStock, input)).toEqual(['duplicated']);
    input.snapshot.rows.productView.get('SKU-1')!.available = 3;
    input.snapshot.rows.productView.get('SKU-1')!.reserved = 1;
    expect(kinds(checkStock, input)).toEqual(['stuck']);
  });

  it('report a paid order cancelled without a refund, and an open order', () => {
    const input = consistentInput();
    const stream = input.snapshot.events.filter((e) => e.type !== 'OrderConfirmed' && e.type !== 'InventoryCommitted');
    const cancelled = { ...stream.find((e) => e.type === 'OrderCreated')!, version: 3, type: 'OrderCancelled', eventId: 'c', payload: { orderId: orderId(input), reason: 'PAYMENT_TIMEOUT' } };
    const open = { ...input, snapshot: { ...input.snapshot, ...foldStreams(stream) } };
    expect(kinds(checkDeadlines, open)).toEqual(['stuck']);
    const late = { ...input, snapshot: { ...input.snapshot, ...foldStreams([...stream, cancelled]) } };
    expect(kinds(checkRefunds, late)).toEqual(['lost']);
  });

  it('report a mail sent twice, a dead letter nobody injected, and poison nobody dead-lettered', () => {
    const input = consistentInput();
    input.mails.set(input.snapshot.deliveries[0].id, 2);
    expect(kinds(checkMail, input)).toEqual(['duplicated']);
    const confirmed = input.snapshot.scoped.find((e) => e.type === 'OrderConfirmed')!.eventId;
    const letter = { topic: 'ns.consumers.projections.dlq', consumer: 'projections', code: 'X', sourceTopic: 'ns.orders.events', eventId: confirmed, at: 1 };
    const poison = [{ id: 'p1', topic: 'ns.payments.events', kind: 'no-envelope' }];
    expect(kinds(checkDeadLetters, { ...input, kafka: { ...input.kafka, deadLetters: [letter] } })).toEqual(['deadLettered']);
    // Another suite's fixture event, not stored by this scenario: not this scenario's dead letter.
    expect(kinds(checkDeadLetters, { ...input, kafka: { ...input.kafka, deadLetters: [{ ...letter, eventId: 'fixture' }] } })).toEqual([]);
    expect(kinds(checkDeadLetters, { ...input, poison })).toEqual(['lost', 'lost', 'lost']);
  });
});
