import { streamIdOf } from '@app/events';

/** Stream `reservation-<orderId>`: one per order, begun by InventoryReserved or InventoryReservationFailed. */
export const reservationStreamOf = (orderId: string): string => streamIdOf('reservation', orderId);

/**
 * A RESERVED reservation's stream holds exactly its InventoryReserved, so its release or commit
 * is appended at version 1; the locked row's status guarantees that only one of them is.
 */
export const RESERVED_STREAM_VERSION = 1;
