import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sagasByState, sagasOverdue, sampledOncePer } from '@app/metrics';
import { ORDER_SCHEMA } from '../schema';
import { IN_FLIGHT, inFlightSql, overdueSql } from './saga-rules';

/**
 * /metrics' saga gauges, read at each scrape: sagas in flight by state, and those past their
 * deadline (the deadline scan is behind, or failing). Final states are left out: they only grow,
 * and counting them would read the whole table on every scrape.
 */
@Injectable()
export class SagaGauges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly stops: (() => void)[] = [];
  /** One query serves both gauges of a scrape. */
  private readonly sample = sampledOncePer(1000, (): Promise<{ state: string; sagas: number; overdue: number }[]> =>
    this.dataSource.query(
      `SELECT state, count(*)::int AS sagas, count(*) FILTER (WHERE ${overdueSql()})::int AS overdue
       FROM "${ORDER_SCHEMA}".order_sagas WHERE ${inFlightSql()} GROUP BY state`,
    ),
  );

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.stops.push(
      sagasByState.add(async () => {
        const rows = await this.sample();
        return IN_FLIGHT.map((state) => ({ labels: { state }, value: rows.find((r) => r.state === state)?.sagas ?? 0 }));
      }),
      sagasOverdue.add(async () => [{ labels: {}, value: (await this.sample()).reduce((sum, r) => sum + r.overdue, 0) }]),
    );
  }

  onApplicationShutdown(): void {
    for (const stop of this.stops) stop();
  }
}
