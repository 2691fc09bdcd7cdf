import type { ClientBase } from 'pg';
import { START, type Checkpoint } from '../read-all';

/** Where a relay (or any all-stream reader) keeps its progress, in the store's own schema. */
export class RelayCheckpoints {
  constructor(private readonly schema: string) {}

  async load(client: ClientBase, relay: string): Promise<Checkpoint> {
    const res = await client.query(
      `SELECT lower_xid::text AS "lowerXid", upper_xid::text AS "upperXid", position::text AS position
       FROM "${this.schema}".relay_checkpoints WHERE relay = $1`,
      [relay],
    );
    return res.rows[0] ?? START;
  }

  async save(client: ClientBase, relay: string, cp: Checkpoint): Promise<void> {
    await client.query(
      `INSERT INTO "${this.schema}".relay_checkpoints (relay, lower_xid, upper_xid, position, updated_at)
       VALUES ($1, $2::xid8, $3::xid8, $4, now())
       ON CONFLICT (relay) DO UPDATE SET lower_xid = $2::xid8, upper_xid = $3::xid8, position = $4, updated_at = now()`,
      [relay, cp.lowerXid, cp.upperXid, cp.position],
    );
  }
}
