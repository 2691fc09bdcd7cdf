import type { OrderView } from '@app/read-model';
import type { Principal } from '../auth/principal';

/** Owner or admin: the one rule for reading an order, its payment and its streams. */
export const mayReadOrder = (principal: Principal, order: Pick<OrderView, 'userId'>): boolean =>
  principal.role === 'ADMIN' || order.userId === principal.userId;
