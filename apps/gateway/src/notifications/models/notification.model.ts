import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

/**
 * API.graphql's `type Notification`, one row of the consumers app's delivery log
 * (notifications.deliveries). The one class for this type in the gateway: a second
 * `@ObjectType('Notification')` (e.g. for `notificationReceived`) would clash in the schema.
 */
@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  userId: string;

  @Field(() => String, { description: 'EMAIL or PUSH' })
  channel: string;

  @Field(() => String, { description: 'WELCOME, ORDER_CONFIRMED, ORDER_CANCELLED, PAYMENT_FAILED, ...' })
  template: string;

  @Field(() => String, { description: 'PENDING, SENT, FAILED' })
  status: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}
