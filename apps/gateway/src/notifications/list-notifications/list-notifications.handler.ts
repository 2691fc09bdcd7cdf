import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requireSignedIn } from '../../auth/require-principal';
import { ApiError } from '../../errors/api-error';
import type { NotificationModel } from '../models/notification.model';
import { NotificationReader } from '../notification.reader';
import { DEFAULT_NOTIFICATIONS, ListNotificationsQuery, MAX_NOTIFICATIONS } from './list-notifications.query';

/** Only ever the caller's own notifications, admins included: they are personal messages. */
@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(private readonly notifications: NotificationReader) {}

  async execute({ principal, first }: ListNotificationsQuery): Promise<NotificationModel[]> {
    const caller = requireSignedIn(principal, 'read your notifications');
    // An explicit null means the default, as an omitted argument does.
    const limit = first ?? DEFAULT_NOTIFICATIONS;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NOTIFICATIONS) {
      throw new ApiError('BAD_USER_INPUT', `first must be between 1 and ${MAX_NOTIFICATIONS}`, 'first');
    }
    return this.notifications.latest(caller.userId, limit);
  }
}
