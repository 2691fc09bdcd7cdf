import type { Batch, EachBatchPayload, Producer } from 'kafkajs';
import { headerText, REDRIVE_SOURCE_HEADER } from '../dead-letter/dead-letter-headers';
import { publishDeadLetter } from '../dead-letter/publish-dead-letter';
import type { ConsumerDefinition } from './consumer-definition';

/** Consecutive redriven messages of one source topic, as a batch of their own (same partition and offsets). */
export interface RedrivenRun {
  topic: string | undefined;
  payload: EachBatchPayload;
}

/** Splits a batch of the redrive topic into runs by source topic (REDRIVE_SOURCE_HEADER), in offset order. */
export const runsBySource = (payload: EachBatchPayload): RedrivenRun[] => {
  const runs: { topic: string | undefined; messages: Batch['messages'] }[] = [];
  for (const message of payload.batch.messages) {
    const topic = headerText(message.headers, REDRIVE_SOURCE_HEADER);
    const last = runs[runs.length - 1];
    if (last && last.topic === topic) last.messages.push(message);
    else runs.push({ topic, messages: [message] });
  }
  // Only `messages` is the run's: the batch's methods (offsetLag, firstOffset...) still read the
  // whole fetched batch, so the handlers' path must use `messages`, which it does.
  return runs.map(({ topic, messages }) => ({ topic, payload: { ...payload, batch: Object.assign(Object.create(payload.batch) as Batch, { messages }) } }));
};

/**
 * A redriven message no handler of the group takes (its source topic is no longer consumed
 * here): back to the dead-letter topic, so that it neither blocks the partition nor is lost.
 */
export const deadLetterUnroutable = async (producer: Producer, consumer: ConsumerDefinition, { topic, payload }: RedrivenRun): Promise<void> => {
  const { batch } = payload;
  for (const message of batch.messages) {
    const source = { topic: batch.topic, partition: batch.partition, offset: message.offset };
    const message_ = `no handler of ${consumer.name} for source topic ${topic ?? '(none)'}`;
    await publishDeadLetter(producer, consumer.groupId, message, source, { consumer: consumer.name, code: 'REDRIVE_UNROUTABLE', message: message_, attempts: 0 });
    payload.resolveOffset(message.offset);
  }
  await payload.commitOffsetsIfNecessary();
};
