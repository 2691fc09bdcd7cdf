import type { Upcaster } from '../registry';
import type { UserRegistered } from './user-registered.event';
import type { UserRegisteredV1 } from './user-registered.v1.event';

type V1 = UserRegisteredV1['payload'];
type V2 = UserRegistered['payload'];

/** v1 predates roles: every user registered then signed up as a customer. */
export const userRegisteredV1ToV2: Upcaster = {
  type: 'UserRegistered',
  fromVersion: 1,
  upcast: (payload: V1): V2 => ({ ...payload, role: 'CUSTOMER' }),
};
