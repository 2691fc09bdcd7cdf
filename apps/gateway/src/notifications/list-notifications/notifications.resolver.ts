import { QueryBus } from '@nestjs/cqrs';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { pageComplexity } from '../../graphql/page-complexity';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { NotificationModel } from '../models/notification.model';
import { DEFAULT_NOTIFICATIONS, ListNotificationsQuery } from './list-notifications.query';


@Resolver()
export class NotificationsResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [NotificationModel], { name: 'notifications', description: "the caller's notifications, newest first", complexity: pageComplexity(DEFAULT_NOTIFICATIONS) })
  notifications(
    @CurrentPrincipal() principal: Principal | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_NOTIFICATIONS }) first: number | null,
  ) {
    return this.queries.execute(new ListNotificationsQuery(principal, first));
  }
}
