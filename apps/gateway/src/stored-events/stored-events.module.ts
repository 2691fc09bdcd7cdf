import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventLogEntry } from '@app/read-model';
import { OrdersModule } from '../orders/orders.module';
import { EventLogReader } from './event-log.reader';
import { ListEventsHandler } from './list-events/list-events.handler';
import { StreamOwner } from './list-events/stream-owner';
import { STORED_EVENT_RESOLVERS } from './stored-events.resolvers';

/** `events(streamId)`: the history of any stream, from the event log the projections consumer keeps. */
@Module({
  imports: [TypeOrmModule.forFeature([EventLogEntry]), OrdersModule],
  providers: [...STORED_EVENT_RESOLVERS, ListEventsHandler, EventLogReader, StreamOwner],
  // The admin's saga history reads the same log.
  exports: [EventLogReader],
})
export class StoredEventsModule {}
