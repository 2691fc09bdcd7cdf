import { Controller } from '@nestjs/common';
import { Ctx, type KafkaContext } from '@nestjs/microservices';
import { TOPICS } from '@app/events';
import { ConsumerPattern, ConsumerRuntime, type EventHandlerFn } from '@app/messaging';
import { dispatchByType } from '../shared/event-handler';
import { PROJECTIONS } from './projections.consumer';
import { UserRegisteredProjection } from './user-registered.projection';

@Controller()
export class ProjectionsController {
  private readonly apply: EventHandlerFn;

  constructor(
    private readonly runtime: ConsumerRuntime,
    userRegistered: UserRegisteredProjection,
  ) {
    this.apply = dispatchByType([userRegistered]);
  }

  @ConsumerPattern(PROJECTIONS, TOPICS.users)
  onUserEvent(@Ctx() ctx: KafkaContext) {
    return this.runtime.process(ctx, this.apply);
  }
}
