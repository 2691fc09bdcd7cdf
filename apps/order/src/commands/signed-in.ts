import { z } from 'zod';
import { CommandRejected, type CommandMessage } from '@app/commands';

export type Issuer = NonNullable<CommandMessage['issuedBy']>;

/** Orders belong to a user, and events carry the owner's id as a UUID: anyone else is not signed in. */
export const signedIn = ({ issuedBy }: CommandMessage): Issuer => {
  if (!issuedBy || !z.uuid().safeParse(issuedBy.userId).success) throw new CommandRejected('UNAUTHENTICATED', 'sign in to manage orders');
  return issuedBy;
};
