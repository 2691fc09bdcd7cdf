import { type EventEnvelope, NotificationCreated } from '@app/events';
import type { NotificationModel } from '../../notifications/models/notification.model';

type NotificationCreatedPayload = NotificationCreated['payload'];

/** A PUSH notification for `userId`: EMAIL ones are delivered by mail, and nobody gets another's. */
export const isPushFor = (userId: string, envelope: EventEnvelope): envelope is EventEnvelope<NotificationCreatedPayload> => {
  if (envelope.type !== NotificationCreated.type) return false;
  const payload = envelope.payload as NotificationCreatedPayload;
  return payload.userId === userId && payload.channel === 'PUSH';
};

/** API.graphql's Notification; createdAt is when the notification was recorded (the event's time). */
export const toNotification = ({ payload, occurredAt }: EventEnvelope<NotificationCreatedPayload>): NotificationModel => ({
  id: payload.notificationId,
  userId: payload.userId,
  channel: payload.channel,
  template: payload.template,
  status: payload.status,
  createdAt: new Date(occurredAt),
});
