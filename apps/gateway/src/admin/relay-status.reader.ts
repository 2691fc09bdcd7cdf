import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RelayStatusModel } from './models/system-status.model';

/** The relay every event store names (libs/event-store: its checkpoint row and leader lock). */
const RELAY = 'kafka';
const UNDEFINED_SCHEMA = '3F000';

/**
 * Every event store's relay, through the stores' own relay_status functions (SECURITY DEFINER,
 * EXECUTE granted to the gateway's role): found in the catalog, so the gateway knows no other
 * service's schema by name and reads none of their tables.
 */
@Injectable()
export class RelayStatusReader {
  constructor(private readonly dataSource: DataSource) {}

  async relays(): Promise<RelayStatusModel[]> {
    const schemas: { schema: string }[] = await this.dataSource.query(
      `SELECT n.nspname AS schema FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE p.proname = 'relay_status' AND has_function_privilege(p.oid, 'EXECUTE') ORDER BY 1`,
    );
    const relays: RelayStatusModel[] = [];
    for (const { schema } of schemas) {
      try {
        const [status]: { events: number; leader: string | null }[] = await this.dataSource.query(`SELECT events, leader FROM "${schema}".relay_status($1)`, [RELAY]);
        relays.push({ schema, leader: status.leader, lag: status.events });
      } catch (error) {
        // Dropped since the catalog was read (a test's scratch store): no relay to report.
        if ((error as { code?: string }).code !== UNDEFINED_SCHEMA) throw error;
      }
    }
    return relays;
  }
}
