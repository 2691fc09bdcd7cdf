import { Partitioners, type Kafka, type Producer, type ProducerConfig } from 'kafkajs';

/**
 * How every producer of ours is configured. kafkajs' idempotent producer is off by default and
 * needs one request in flight; and every producer of a topic must use the same partitioner or
 * one key can land in two partitions (DESIGN.md section 10): the Java-compatible default.
 */
export const PRODUCER_CONFIG: ProducerConfig = {
  idempotent: true,
  maxInFlightRequests: 1,
  createPartitioner: Partitioners.DefaultPartitioner,
};

export const createProducer = (kafka: Kafka): Producer => kafka.producer(PRODUCER_CONFIG);
