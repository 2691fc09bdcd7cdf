import { QueryBus } from '@nestjs/cqrs';
import { Args, type ComplexityEstimator, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/context.decorators';
import type { Principal } from '../../auth/principal';
import { NotificationModel } from '../models/notification.model';
import { DEFAULT_NOTIFICATIONS, ListNotificationsQuery } from './list-notifications.query';

/** The cost-limit plugin's estimate: the selection once per requested notification. */
const listComplexity: ComplexityEstimator = ({ args, childComplexity }) => 1 + (Number(args.first) || DEFAULT_NOTIFICATIONS) * childComplexity;

@Resolver()
export class NotificationsResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => [NotificationModel], { name: 'notifications', description: "the caller's notifications, newest first", complexity: listComplexity })
  notifications(
    @CurrentPrincipal() principal: Principal | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_NOTIFICATIONS }) first: number | null,
  ) {
    return this.queries.execute(new ListNotificationsQuery(principal, first));
  }
}
