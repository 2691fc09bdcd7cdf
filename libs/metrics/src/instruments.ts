import { collectDefaultMetrics, Counter, Gauge, Histogram, register } from 'prom-client';

/**
 * The process's metrics, in Prometheus' text format at every app's /metrics (MetricsModule).
 * One process is one app, so the instruments are process-wide: each library records into the
 * ones it owns, and a process that has none of a kind (the gateway has no consumer) shows them
 * without samples. Labels are only values the code bounds: group ids, event types and command
 * patterns of this namespace, root field names of the schema, error codes of the contract.
 */
collectDefaultMetrics({ register });

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const consumerHandlerSeconds = new Histogram({
  name: 'commerce_consumer_handler_seconds',
  help: 'Time a consumer handler took to apply one event (inside its batch transaction)',
  labelNames: ['group', 'event_type'] as const,
  buckets: SECONDS,
});

export const consumerBatchSize = new Histogram({
  name: 'commerce_consumer_batch_size',
  help: 'Messages per fetched batch a consumer group processed',
  labelNames: ['group'] as const,
  buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
});

export const consumerRetries = new Counter({
  name: 'commerce_consumer_retries_total',
  help: 'Events tried again: after a failure of the event (failure) or while a dependency is down (outage)',
  labelNames: ['group', 'reason'] as const,
});

export const consumerDeadLetters = new Counter({
  name: 'commerce_consumer_dead_letters_total',
  help: 'Messages a consumer group put on its dead-letter topic, by error code',
  labelNames: ['group', 'code'] as const,
});

export const consumerLag = new Gauge({
  name: 'commerce_consumer_lag_messages',
  help: 'Messages behind the partition end, as of the last batch the group processed from it',
  labelNames: ['group', 'topic', 'partition'] as const,
});

export const graphqlOperationSeconds = new Histogram({
  name: 'commerce_graphql_operation_seconds',
  help: 'GraphQL operations on the gateway over HTTP, by type and root field',
  labelNames: ['type', 'field'] as const,
  buckets: SECONDS,
});

export const graphqlErrors = new Counter({
  name: 'commerce_graphql_errors_total',
  help: 'Errors in GraphQL responses, by the code the client sees',
  labelNames: ['code'] as const,
});

export const commandRoundTripSeconds = new Histogram({
  name: 'commerce_command_round_trip_seconds',
  help: 'From sending a command to its reply, by command and outcome (ok, an error code, or TIMEOUT)',
  labelNames: ['command', 'outcome'] as const,
  buckets: SECONDS,
});
