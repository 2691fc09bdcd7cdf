import { ApiError } from '../errors/api-error';
import type { Principal } from './principal';

/** UNAUTHENTICATED for an anonymous caller; `what` completes "Sign in to ...". */
export function requireSignedIn(principal: Principal | null, what: string): Principal {
  if (!principal) throw new ApiError('UNAUTHENTICATED', `Sign in to ${what}`);
  return principal;
}

/** UNAUTHENTICATED when anonymous, FORBIDDEN for anyone but an admin. */
export function requireAdmin(principal: Principal | null, what: string): Principal {
  const caller = requireSignedIn(principal, what);
  if (caller.role !== 'ADMIN') throw new ApiError('FORBIDDEN', `Only an admin may ${what}`);
  return caller;
}
