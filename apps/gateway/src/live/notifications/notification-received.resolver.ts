import { Resolver, Subscription } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { requireSignedIn } from '../../auth/require-principal';
import { NotificationModel } from '../../notifications/models/notification.model';
import { LiveEvents } from '../live-events';
import { isPushFor, toNotification } from './push-notification';

@Resolver()
export class NotificationReceivedResolver {
  constructor(private readonly live: LiveEvents) {}

  // Admins too get only their own: "the caller's new notifications".
  @Subscription(() => NotificationModel, { name: 'notificationReceived', description: "the caller's new notifications", resolve: toNotification })
  notificationReceived(@CurrentPrincipal() principal: Principal | null) {
    const caller = requireSignedIn(principal, 'receive notifications');
    return this.live.feed((envelope) => isPushFor(caller.userId, envelope));
  }
}
