import { CommandRejected, type CommandMessage } from '../command-message';

/** For commands only an admin may issue (`what` completes "only admins ..."); returns the admin, for metadata and audit. */
export const requireAdmin = ({ issuedBy }: CommandMessage, what: string): { userId: string } => {
  if (!issuedBy) throw new CommandRejected('UNAUTHENTICATED', `sign in as an admin to ${what}`);
  if (issuedBy.role !== 'ADMIN') throw new CommandRejected('FORBIDDEN', `only admins ${what}`);
  return issuedBy;
};
