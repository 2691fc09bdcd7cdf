export * from './instruments';
export { MetricsModule } from './metrics.module';
export { metricsAccess } from './metrics-access';
export { relayLagEvents, relayLagSeconds, SampledGauge, sagasByState, sagasOverdue, sampledOncePer } from './sampled-gauges';
