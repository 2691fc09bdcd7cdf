import { Module } from '@nestjs/common';
import { ListNotificationsHandler } from './list-notifications/list-notifications.handler';
import { NotificationReader } from './notification.reader';
import { NOTIFICATION_RESOLVERS } from './notifications.resolvers';

/** `notifications`: the caller's delivery log, which the consumers app's notifications consumer keeps. */
@Module({
  providers: [...NOTIFICATION_RESOLVERS, ListNotificationsHandler, NotificationReader],
})
export class NotificationsModule {}
