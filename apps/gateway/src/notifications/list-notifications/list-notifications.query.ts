import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../auth/principal';
import type { NotificationModel } from '../models/notification.model';

export const DEFAULT_NOTIFICATIONS = 20;
export const MAX_NOTIFICATIONS = 100;

export class ListNotificationsQuery extends Query<NotificationModel[]> {
  constructor(
    readonly principal: Principal | null,
    readonly first: number | null,
  ) {
    super();
  }
}
