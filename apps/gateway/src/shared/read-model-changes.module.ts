import { Module } from '@nestjs/common';
import { ReadModelChanges } from './read-model-changes';

/** One change listener per gateway, shared by every reader that waits for its writes. */
@Module({ providers: [ReadModelChanges], exports: [ReadModelChanges] })
export class ReadModelChangesModule {}
