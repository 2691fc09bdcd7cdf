import { EventPattern } from '@nestjs/microservices';
import type { ConsumerDefinition } from './consumer-definition';

/**
 * `@EventPattern(topic, consumer.transportId)` with the transport id made mandatory: an
 * EventPattern without one binds to every server of the app, i.e. to every consumer group.
 * Typed as a plain MethodDecorator because Nest 12's typed overloads want every parameter after
 * the payload to accept `unknown`, which a `@Ctx() ctx: KafkaBatchContext` parameter does not.
 */
export const ConsumerPattern = (consumer: ConsumerDefinition, topic: string): MethodDecorator =>
  EventPattern<string>(topic, consumer.transportId);
