import type { estypes } from '@elastic/elasticsearch';
import type { OrderStatus } from '@app/read-model';

/**
 * An order as indexed, folded from its stream. Fields an event never told us (an order whose
 * OrderCreated predates this index and is gone from the topic) are null rather than guessed.
 */
export interface OrderDocument {
  orderId: string;
  userId: string | null;
  status: OrderStatus;
  skus: string[];
  /** Looked up in the products index at each write, so a product indexed late still shows up. */
  productNames: string[];
  totalCents: number | null;
  cancellationReason: string | null;
  createdAt: string | null;
  updatedAt: string;
  /** Per field, the stream version that last set it (absent on documents indexed before it existed). */
  fieldVersions?: Record<string, number>;
}

export const ORDERS_INDEX_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    orderId: { type: 'keyword' },
    userId: { type: 'keyword' },
    status: { type: 'keyword' },
    skus: { type: 'keyword' },
    productNames: { type: 'text' },
    totalCents: { type: 'long' },
    cancellationReason: { type: 'keyword' },
    createdAt: { type: 'date' },
    updatedAt: { type: 'date' },
    // Bookkeeping for the writer only: stored, never searched.
    fieldVersions: { type: 'object', enabled: false },
  },
};
