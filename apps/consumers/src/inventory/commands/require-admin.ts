import { CommandRejected, type CommandMessage } from '@app/commands';

/** Products are managed by admins only; returns the admin, for the events' metadata. */
export const requireAdmin = ({ issuedBy }: CommandMessage): { userId: string } => {
  if (!issuedBy) throw new CommandRejected('UNAUTHENTICATED', 'sign in as an admin to manage products');
  if (issuedBy.role !== 'ADMIN') throw new CommandRejected('FORBIDDEN', 'only admins manage products');
  return issuedBy;
};
