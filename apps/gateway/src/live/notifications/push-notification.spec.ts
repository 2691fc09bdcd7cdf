import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@app/events';
import { isPushFor, toNotification } from './push-notification';

const ann = randomUUID();
const notification = (payload: object, type = 'NotificationCreated'): EventEnvelope => {
  const notificationId = randomUUID();
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: `notification-${notificationId}`,
    aggregateId: notificationId,
    streamVersion: 1,
    occurredAt: '2026-02-03T04:05:06.000Z',
    payload: { notificationId, userId: ann, channel: 'PUSH', template: 'ORDER_CONFIRMED', status: 'SENT', subjectId: null, ...payload },
    metadata: { correlationId: randomUUID(), causationId: null, userId: null },
  };
};

describe('push notifications', () => {
  it("takes only the user's own PUSH notifications", () => {
    expect(isPushFor(ann, notification({}))).toBe(true);
    expect(isPushFor(ann, notification({ channel: 'EMAIL' }))).toBe(false);
    expect(isPushFor(ann, notification({ userId: randomUUID() }))).toBe(false);
    expect(isPushFor(ann, notification({}, 'OrderConfirmed'))).toBe(false);
  });

  it('shows one as API.graphql\'s Notification, created when the event occurred', () => {
    const envelope = notification({});
    const payload = envelope.payload as { notificationId: string };

    expect(toNotification(envelope as never)).toEqual({
      id: payload.notificationId,
      userId: ann,
      channel: 'PUSH',
      template: 'ORDER_CONFIRMED',
      status: 'SENT',
      createdAt: new Date('2026-02-03T04:05:06.000Z'),
    });
  });
});
