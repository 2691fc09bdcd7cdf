import { z } from 'zod';
import type { UserView } from '@app/read-model';

/** The fields of API.graphql's `User` that the gateway has (`orders` comes later). */
export type UserData = Pick<UserView, 'id' | 'email' | 'name' | 'role' | 'registeredAt'>;

export interface AuthPayload {
  token: string;
  user: UserData;
}

export const roleSchema = z.enum(['CUSTOMER', 'ADMIN']);

/**
 * The Kafka key of a user command: the same email always lands in the same partition, so two
 * registrations racing for one email are handled in order. Only for partitioning: the user
 * service owns what counts as the same email.
 */
export const emailKey = (email: string): string => email.trim().toLowerCase();
