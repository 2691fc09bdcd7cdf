import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { droppedMeanwhile, schemasGranting } from './granted-functions';
import type { RelayStatusModel } from './models/system-status.model';

/** The relay every event store names (libs/event-store: its checkpoint row and leader lock). */
const RELAY = 'kafka';

/**
 * Every event store's relay, through the stores' own relay_status functions (SECURITY DEFINER,
 * EXECUTE granted to the gateway's role): found in the catalog, so the gateway knows no other
 * service's schema by name and reads none of their tables.
 */
@Injectable()
export class RelayStatusReader {
  constructor(private readonly dataSource: DataSource) {}

  async relays(): Promise<RelayStatusModel[]> {
    const relays: RelayStatusModel[] = [];
    for (const schema of await schemasGranting(this.dataSource, 'relay_status')) {
      try {
        const [status]: { events: number; leader: string | null }[] = await this.dataSource.query(`SELECT events, leader FROM "${schema}".relay_status($1)`, [RELAY]);
        relays.push({ schema, leader: status.leader, lag: status.events });
      } catch (error) {
        if (!droppedMeanwhile(error)) throw error;
      }
    }
    return relays;
  }
}
