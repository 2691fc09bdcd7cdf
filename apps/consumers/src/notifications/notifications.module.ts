import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CONSUMER_RUNTIME } from '../shared/consumer-runtime';
import { DeliveryQueue } from './dispatch/delivery-queue';
import { DeliverySignal } from './dispatch/delivery-signal';
import { MailDispatcher } from './dispatch/mail-dispatcher';
import { Mailer } from './dispatch/mailer';
import { Delivery } from './entities/delivery.entity';
import { Recipient } from './entities/recipient.entity';
import { NotificationsController } from './notifications.controller';
import { UserRegisteredHandler } from './user-registered.handler';

@Module({
  imports: [CONSUMER_RUNTIME, TypeOrmModule.forFeature([Recipient, Delivery])],
  controllers: [NotificationsController],
  providers: [UserRegisteredHandler, DeliveryQueue, DeliverySignal, Mailer, MailDispatcher],
})
export class NotificationsModule {}
