import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../../errors/api-error';
import { schemasGranting } from '../granted-functions';
import type { SagaStateModel } from '../models/saga-state.model';
import { publicSagaState, storedSagaState } from './saga-state-names';

export interface SagaFilter {
  /** A state as API.graphql names it. */
  state?: string;
  overdue?: boolean;
  /** The orderId of the last saga of the previous page. */
  after?: string;
  first: number;
}

type Row = { orderId: string; state: string; deadline: Date | null; updatedAt: Date };

const COLUMNS = `order_id AS "orderId", state, deadline_at AS deadline, updated_at AS "updatedAt"`;
/** saga_states' answer to an `after` that is no saga's order id. */
const NO_DATA_FOUND = 'P0002';

const toModel = ({ state, ...row }: Row): SagaStateModel => ({ ...row, state: publicSagaState(state) });

/**
 * Sagas through the order service's saga_state / saga_states functions (SECURITY DEFINER, EXECUTE
 * granted to the gateway's role; order migration 1795700000000): the gateway reads no table of
 * that service, and their rules (in flight, overdue, the page order) stay with the order service.
 */
@Injectable()
export class SagaStateReader {
  private schema?: Promise<string>;

  constructor(private readonly dataSource: DataSource) {}

  async one(orderId: string): Promise<SagaStateModel | null> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM "${await this.schemaOf()}".saga_state($1)`, [orderId]);
    return rows.length ? toModel(rows[0]) : null;
  }

  /** Newest saga first (created_at desc, order id desc: orders that never change, so pages stay disjoint). */
  async page({ state, overdue, after, first }: SagaFilter): Promise<SagaStateModel[]> {
    const schema = await this.schemaOf();
    try {
      const args = [state === undefined ? null : storedSagaState(state), overdue ?? null, after ?? null, first];
      const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM "${schema}".saga_states($1, $2, $3, $4)`, args);
      return rows.map(toModel);
    } catch (error) {
      if ((error as { code?: string }).code === NO_DATA_FOUND) throw new ApiError('BAD_USER_INPUT', 'after must be the orderId of a saga', 'after');
      throw error;
    }
  }

  /**
   * Found in the catalog, as RelayStatusReader finds the stores, so the gateway names no other
   * service's schema. Kept once found (a deployment does not move it); not while missing, since
   * the order service may still be migrating.
   */
  private schemaOf(): Promise<string> {
    this.schema ??= this.findSchema().catch((error: unknown) => {
      this.schema = undefined;
      throw error;
    });
    return this.schema;
  }

  private async findSchema(): Promise<string> {
    const found = await schemasGranting(this.dataSource, 'saga_states');
    if (found.length !== 1) throw new Error(`expected one saga_states function this role may execute, found ${found.length}: has the order service migrated?`);
    return found[0];
  }
}
