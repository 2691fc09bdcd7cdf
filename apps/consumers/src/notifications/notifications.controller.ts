import { Controller } from '@nestjs/common';
import { Ctx, type KafkaContext } from '@nestjs/microservices';
import { TOPICS } from '@app/events';
import { ConsumerPattern, ConsumerRuntime, type EventHandlerFn } from '@app/messaging';
import { dispatchByType } from '../shared/event-handler';
import { NOTIFICATIONS } from './notifications.consumer';
import { UserRegisteredHandler } from './user-registered.handler';

@Controller()
export class NotificationsController {
  private readonly apply: EventHandlerFn;

  constructor(
    private readonly runtime: ConsumerRuntime,
    userRegistered: UserRegisteredHandler,
  ) {
    this.apply = dispatchByType([userRegistered]);
  }

  @ConsumerPattern(NOTIFICATIONS, TOPICS.users)
  onUserEvent(@Ctx() ctx: KafkaContext) {
    return this.runtime.process(ctx, this.apply);
  }
}
